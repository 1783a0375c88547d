import { slaTimeLeft, type SlaClock } from './sla-time-left';

/**
 * What one badge says about a ticket's clocks: the clock with the least time left while any is
 * counting down; otherwise how they settled (breached wins, even met late; then paused; met once
 * all are met); undefined when there is nothing to show (no SLA).
 */
export type SlaSummary =
  | { kind: 'counting'; clock: SlaClock; minutesLeft: number }
  | { kind: 'settled'; state: 'breached' | 'paused' | 'met' }
  | undefined;

export function slaSummary(clocks: readonly SlaClock[], now: Date): SlaSummary {
  let urgent: { clock: SlaClock; minutesLeft: number } | undefined;
  for (const clock of clocks) {
    const minutesLeft = slaTimeLeft(clock, now);
    if (minutesLeft !== undefined && (urgent === undefined || minutesLeft < urgent.minutesLeft)) urgent = { clock, minutesLeft };
  }
  if (urgent) return { kind: 'counting', ...urgent };
  if (clocks.some((clock) => clock.state === 'breached')) return { kind: 'settled', state: 'breached' };
  if (clocks.some((clock) => clock.state === 'paused')) return { kind: 'settled', state: 'paused' };
  if (clocks.length > 0 && clocks.every((clock) => clock.state === 'met')) return { kind: 'settled', state: 'met' };
  return undefined;
}
