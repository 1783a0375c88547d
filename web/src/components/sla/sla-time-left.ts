import type { components } from '../../lib/api/schema';

/** One SLA clock of a ticket as the API gives it. */
export type SlaClock = NonNullable<components['schemas']['Ticket']['sla']>['clocks'][number];

/**
 * Minutes from `now` to a running clock's deadline, negative once the deadline has passed;
 * undefined for a clock that is not counting down (paused, met, or stopped with its ticket).
 *
 * This is wall-clock time to the deadline, the one instant the API gives today. Once each clock
 * carries `businessMinutesLeft` (as of `asOf`) and `countsDownUntil` (when it next stops
 * counting, at the end of the working hours), this is the one place that changes to business time.
 */
export function slaTimeLeft(clock: SlaClock, now: Date): number | undefined {
  if (clock.metAt || !clock.deadline) return undefined;
  const deadline = Date.parse(clock.deadline);
  if (Number.isNaN(deadline)) return undefined;
  return (deadline - now.getTime()) / 60_000;
}
