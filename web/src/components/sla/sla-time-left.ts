import type { components } from '../../lib/api/schema';

/** One SLA clock of a ticket as the API gives it. */
export type SlaClock = NonNullable<components['schemas']['Ticket']['sla']>['clocks'][number];

/** How much working time a counting clock has left now, and whether it is standing still. */
export interface SlaTimeLeft {
  /** Working minutes to the target, negative once breached (by how far over). */
  minutesLeft: number;
  /** The calendar is closed (or has closed since the answer): the time left does not fall until the next answer. */
  standsStill: boolean;
  /** While the calendar is closed: when it opens and the time left falls again. */
  resumesAt?: string;
}

/**
 * The working time a clock has left at `now`; undefined for a clock that is not counting down
 * (paused, met, or stopped with its ticket).
 *
 * The API gives `businessMinutesLeft` as of its answer, which arrived at `receivedAt`, and
 * `countsDownUntil`: up to that instant (the calendar's next closing) the time left falls one
 * minute per minute of wall time; after it, it stands still until a later answer says more. With
 * `countsDownUntil` null the calendar is closed: it stands still until `nextOpening`. So the
 * browser counts business time down without knowing the calendar. An answer without
 * `businessMinutesLeft` (from an older API) counts to its `deadline` in wall time.
 */
export function slaTimeLeft(clock: SlaClock, now: Date, receivedAt: number): SlaTimeLeft | undefined {
  if (clock.metAt || clock.state === 'met' || clock.state === 'paused') return undefined;
  if (typeof clock.businessMinutesLeft === 'number') {
    if (clock.countsDownUntil === null) {
      return { minutesLeft: clock.businessMinutesLeft, standsStill: true, ...(clock.nextOpening ? { resumesAt: clock.nextOpening } : {}) };
    }
    const until = clock.countsDownUntil ? Date.parse(clock.countsDownUntil) : Number.POSITIVE_INFINITY;
    const counted = Math.max(0, Math.min(now.getTime(), Number.isNaN(until) ? Number.POSITIVE_INFINITY : until) - receivedAt);
    return { minutesLeft: clock.businessMinutesLeft - counted / 60_000, standsStill: now.getTime() >= until };
  }
  if (!clock.deadline) return undefined;
  const deadline = Date.parse(clock.deadline);
  if (Number.isNaN(deadline)) return undefined;
  return { minutesLeft: (deadline - now.getTime()) / 60_000, standsStill: false };
}

const firstSeen = new WeakMap<SlaClock, number>();

/**
 * When a clock without a recorded arrival time was first shown: the best stand-in for when its
 * answer arrived (a screen whose loader records the arrival passes that instead).
 */
export function shownSince(clock: SlaClock): number {
  let at = firstSeen.get(clock);
  if (at === undefined) {
    at = Date.now();
    firstSeen.set(clock, at);
  }
  return at;
}
