import type { SlaMetric, SlaTimer } from './sla-timer.ts';

/** How a metric stands, as people see it. */
export type SlaDisplayState = 'running' | 'paused' | 'met' | 'at_risk' | 'breached';

/**
 * One SLA metric of a ticket. Times are accounted up to `asOf`: `consumedMinutes` is working time
 * spent while the clock ran, `pausedMinutes` working time that passed while it was paused.
 */
export interface SlaClock {
  metric: SlaMetric;
  /** As people see it, as of `asOf` (see displayState). */
  state: SlaDisplayState;
  targetMinutes: number;
  startedAt: string;
  asOf: string;
  consumedMinutes: number;
  pausedMinutes: number;
  running: boolean;
  /** When the target is reached while running; absent while paused or once met. */
  deadline?: string;
  /** When each threshold not yet fired falls due, by percent (100 is the breach). */
  due: Record<string, string>;
  firedThresholds: number[];
  metAt?: string;
  breachedAt?: string;
}

/** The SLA of a ticket: which policy, its clocks, and a version that names the timers computed for it. */
export interface TicketSla {
  policy: string;
  version: number;
  clocks: SlaClock[];
}

/** What a clock shows: breached wins over met (met late is still a breach), then met, paused, at risk. */
export function displayState(clock: Omit<SlaClock, 'state'>): SlaDisplayState {
  if (clock.breachedAt) return 'breached';
  if (clock.metAt) return 'met';
  if (!clock.running) return 'paused';
  return clock.firedThresholds.length > 0 ? 'at_risk' : 'running';
}

/** The state a list filter looks at: the worst of the ticket's clocks that still count. */
export function ticketSlaAttention(sla: TicketSla | undefined): 'breached' | 'at_risk' | undefined {
  if (!sla) return undefined;
  const open = sla.clocks.filter((clock) => !clock.metAt);
  if (open.some((clock) => clock.breachedAt)) return 'breached';
  if (open.some((clock) => clock.firedThresholds.length > 0)) return 'at_risk';
  return undefined;
}

/** The timers a ticket's SLA needs now: one per threshold not yet fired of every running clock. */
export function desiredTimers(ticketKey: string, sla: TicketSla | undefined): SlaTimer[] {
  if (!sla) return [];
  return sla.clocks.flatMap((clock) => Object.entries(clock.due).map(([percent, at]) => ({ ticketKey, metric: clock.metric, threshold: Number(percent), slaVersion: sla.version, at })));
}
