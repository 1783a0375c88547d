import { businessMinutesBetween, nextClosing, nextOpening, type BusinessCalendar } from './business-calendar.ts';
import type { SlaClock, TicketSla } from './sla.ts';

const MINUTE_MS = 60_000;

/**
 * How much working time a running clock has left, told so that a reader can count it down
 * without knowing the calendar: it falls one minute per minute until `countsDownUntil`, and
 * stands still from then (or, when `countsDownUntil` is null, from now) until the next opening.
 */
export interface SlaTimeLeft {
  /** Target minus the working time used by `now`: negative once breached, by how far over. */
  businessMinutesLeft: number;
  /** The next closing of the calendar; null while it is closed. */
  countsDownUntil: string | null;
  /** While the calendar is closed: when it opens and the clock moves again. */
  nextOpening?: string;
}

export type SlaClockWithTimeLeft = SlaClock & Partial<SlaTimeLeft>;

/**
 * The working time a clock has left at `now`, counted in the calendar of its policy; undefined for
 * a clock that does not run (met or paused), whose time left does not move. The clock is as the
 * last write left it: the working time between its `asOf` and `now` is used up as it would be by
 * the next write.
 */
export function slaTimeLeft(clock: SlaClock, calendar: BusinessCalendar, now: Date): SlaTimeLeft | undefined {
  if (!clock.running || clock.metAt) return undefined;
  const asOf = new Date(clock.asOf);
  const spent = businessMinutesBetween(calendar, asOf, now);
  // Fractional minutes to the millisecond: the float error of the sums stays out of the answer.
  const businessMinutesLeft = Math.round((clock.targetMinutes - clock.consumedMinutes - spent) * MINUTE_MS) / MINUTE_MS;
  const closing = nextClosing(calendar, now);
  if (closing) return { businessMinutesLeft, countsDownUntil: closing.toISOString() };
  return { businessMinutesLeft, countsDownUntil: null, nextOpening: nextOpening(calendar, now).toISOString() };
}

/** Every clock of a ticket's SLA with the time left of those that run (see {@link slaTimeLeft}). */
export function slaWithTimeLeft(sla: TicketSla, calendar: BusinessCalendar | undefined, now: Date): Omit<TicketSla, 'clocks'> & { clocks: SlaClockWithTimeLeft[] } {
  if (!calendar) return sla;
  return {
    ...sla,
    clocks: sla.clocks.map((clock) => {
      const left = slaTimeLeft(clock, calendar, now);
      return left ? { ...clock, ...left } : clock;
    }),
  };
}
