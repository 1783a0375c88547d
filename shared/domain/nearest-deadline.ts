import type { SlaClock, TicketSla } from './sla.ts';

/** Clock states whose deadline still stands: a clock that is met or paused owes nothing yet. */
const OWING: readonly SlaClock['state'][] = ['running', 'at_risk', 'breached'];

/**
 * The earliest deadline among a ticket's SLA clocks that still run towards one (running, at risk
 * or breached, and not met), as the clocks stored it; undefined when no clock is running. A
 * breached clock's deadline has passed, so it comes first. ISO-8601 UTC strings compare in time
 * order, which the due queue's sort key relies on.
 */
export function nearestSlaDeadline(sla: TicketSla | undefined): string | undefined {
  let nearest: string | undefined;
  for (const clock of sla?.clocks ?? []) {
    if (clock.metAt || !clock.deadline || !OWING.includes(clock.state)) continue;
    if (nearest === undefined || clock.deadline < nearest) nearest = clock.deadline;
  }
  return nearest;
}
