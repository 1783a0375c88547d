import { slaTimeLeft, type SlaClock, type SlaTimeLeft } from './sla-time-left';

/**
 * What one badge says about a ticket's clocks: the clock with the least time left while any is
 * counting down; otherwise how they settled (breached wins, even met late; then paused; met once
 * all are met); undefined when there is nothing to show (no SLA).
 */
export type SlaSummary = ({ kind: 'counting'; clock: SlaClock } & SlaTimeLeft) | { kind: 'settled'; state: 'breached' | 'paused' | 'met' } | undefined;

/** `receivedAt` gives, per clock, when the answer it came in arrived (see slaTimeLeft). */
export function slaSummary(clocks: readonly SlaClock[], now: Date, receivedAt: (clock: SlaClock) => number): SlaSummary {
  let urgent: ({ clock: SlaClock } & SlaTimeLeft) | undefined;
  for (const clock of clocks) {
    const left = slaTimeLeft(clock, now, receivedAt(clock));
    if (left !== undefined && (urgent === undefined || left.minutesLeft < urgent.minutesLeft)) urgent = { clock, ...left };
  }
  if (urgent) return { kind: 'counting', ...urgent };
  if (clocks.some((clock) => clock.state === 'breached')) return { kind: 'settled', state: 'breached' };
  if (clocks.some((clock) => clock.state === 'paused')) return { kind: 'settled', state: 'paused' };
  if (clocks.length > 0 && clocks.every((clock) => clock.state === 'met')) return { kind: 'settled', state: 'met' };
  return undefined;
}
