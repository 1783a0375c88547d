import type { CalendarConfig } from '../config/calendar-schema.ts';
import { minuteOfDay, WEEKDAYS } from '../config/weekdays.ts';
import { ConfigError } from '../config/config-error.ts';
import { type DayNumber, dayNumberOf, isoDateOf, localDayOf, weekdayIndexOf } from './business-days.ts';
import { createHolidayCheck } from './business-holidays.ts';
import { wallClockDay } from './business-wall-clock.ts';

const MINUTE_MS = 60_000;
const ROUND_THE_CLOCK: ReadonlyArray<readonly [number, number]> = [[0, 24 * 60]];
// Explicit holiday dates can close a calendar for a long time, but not for ever: stop searching.
const MAX_CLOSED_DAYS = 3660;
// Enough for the deadlines of a busy desk; all days are dropped at once when full.
const MAX_CACHED_DAYS = 4096;
// How far ahead nextClosing looks: a calendar open round the clock never closes.
const CLOSING_HORIZON_MS = 366 * 24 * 60 * MINUTE_MS;

/** A stretch of working time: epoch milliseconds, start included, end excluded. */
export interface WorkingInterval {
  readonly start: number;
  readonly end: number;
}

/** A calendar ready for business-time maths; build it once per configuration and reuse it. */
export interface BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** 24x7 without holidays: working time is plain elapsed time. */
  readonly alwaysOpen: boolean;
  /** Whether a local date (YYYY-MM-DD) of the calendar's zone is a whole day off. */
  isHoliday(date: string): boolean;
  /**
   * The working time of a local date (YYYY-MM-DD), as sorted, disjoint instants.
   *
   * @throws RangeError when `date` is not a real date as YYYY-MM-DD.
   */
  workingIntervals(date: string): readonly WorkingInterval[];
}

// The maths steps through day numbers; this skips formatting and parsing a date string per day.
const intervalsByDayNumber = new WeakMap<BusinessCalendar, (day: DayNumber) => readonly WorkingInterval[]>();

/**
 * Builds a calendar from its validated configuration. Explicit holiday dates are resolved here,
 * public holidays of the country per year on first use; working intervals of each day are
 * computed on first use and kept.
 *
 * @throws ConfigError when no weekday has working hours.
 */
export function createBusinessCalendar(config: CalendarConfig): BusinessCalendar {
  const { id, timeZone, hours } = config;
  const week = WEEKDAYS.map((day) => (hours === '24x7' ? ROUND_THE_CLOCK : (hours[day] ?? []).map(([start, end]) => [minuteOfDay(start), minuteOfDay(end)] as const)));
  if (week.every((day) => day.length === 0)) {
    throw new ConfigError([`calendar ${id} has no working hours; give at least one weekday an interval like ['09:00', '17:00'] or use '24x7'`]);
  }
  const isHoliday = createHolidayCheck(config.holidays);
  const hasHolidays = (config.holidays?.dates?.length ?? 0) > 0 || config.holidays?.country !== undefined;

  const cache = new Map<DayNumber, readonly WorkingInterval[]>();
  const intervalsOn = (day: DayNumber): readonly WorkingInterval[] => {
    let intervals = cache.get(day);
    if (intervals) return intervals;
    const template = week[weekdayIndexOf(day)]!;
    if (template.length === 0 || isHoliday(isoDateOf(day))) intervals = [];
    else {
      const instantAt = wallClockDay(timeZone, day);
      intervals = template
        .map(([start, end]) => ({ start: instantAt(start), end: instantAt(end) }))
        // An interval inside a skipped hour (the clock jumps forward) has no working time.
        .filter((interval) => interval.end > interval.start);
    }
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(day, intervals);
    return intervals;
  };

  const calendar: BusinessCalendar = {
    id,
    timeZone,
    alwaysOpen: hours === '24x7' && !hasHolidays,
    isHoliday,
    workingIntervals: (date) => {
      const day = dayNumberOf(date);
      if (Number.isNaN(day)) throw new RangeError(`${date} is not a date as YYYY-MM-DD`);
      return intervalsOn(day);
    },
  };
  intervalsByDayNumber.set(calendar, intervalsOn);
  return calendar;
}

/**
 * The instant at which `ms` milliseconds of working time have elapsed counting from `start`: the
 * earliest instant `t` with `businessMsBetween(calendar, start, t) === ms`. Outside working hours
 * counting begins at the next opening; when the time runs out exactly at a closing, the deadline
 * is that closing. Zero gives `start` itself (nothing needs to elapse); use `nextOpening` for the
 * first working instant. This keeps `add(add(s, a), b) === add(s, a + b)` for every a and b.
 *
 * @throws RangeError when `start` is not a valid date or `ms` is not a non-negative integer.
 */
export function addBusinessMs(calendar: BusinessCalendar, start: Date, ms: number): Date {
  const from = instantOf(start, 'start');
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`ms must be a non-negative whole number of milliseconds, got ${ms}`);
  if (ms === 0) return new Date(from);
  if (calendar.alwaysOpen) return new Date(from + ms);
  let cursor = from;
  let remaining = ms;
  for (const intervals of workingDaysFrom(calendar, from)) {
    for (const { start: opens, end: closes } of intervals) {
      if (closes <= cursor) continue;
      const begin = Math.max(opens, cursor);
      if (remaining <= closes - begin) return new Date(begin + remaining);
      remaining -= closes - begin;
      cursor = closes;
    }
  }
  throw new Error('unreachable: working days never end');
}

/**
 * `addBusinessMs` in minutes, which may be fractional; the deadline is rounded to the millisecond.
 *
 * @throws RangeError when `start` is not a valid date or `minutes` is negative or not finite.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative number, got ${minutes}`);
  return addBusinessMs(calendar, start, Math.round(minutes * MINUTE_MS));
}

/**
 * The working time in `[from, to)` in milliseconds; 0 when `to` is not after `from`.
 *
 * @throws RangeError when either date is invalid.
 */
export function businessMsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const begin = instantOf(from, 'from');
  const finish = instantOf(to, 'to');
  if (finish <= begin) return 0;
  if (calendar.alwaysOpen) return finish - begin;
  const intervalsOn = dayLookup(calendar);
  const lastDay = localDayOf(finish, calendar.timeZone);
  let total = 0;
  let cursor = begin;
  for (let day = localDayOf(begin, calendar.timeZone); day <= lastDay; day++) {
    for (const { start: opens, end: closes } of intervalsOn(day)) {
      // The cursor keeps time counted once even if a zone's days were ever to overlap.
      const counted = Math.min(closes, finish) - Math.max(opens, cursor);
      if (counted <= 0) continue;
      total += counted;
      cursor = Math.min(closes, finish);
    }
  }
  return total;
}

/**
 * The working time in `[from, to)` in minutes, fractional to the millisecond; 0 when `to` is not after `from`.
 *
 * @throws RangeError when either date is invalid.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return businessMsBetween(calendar, from, to) / MINUTE_MS;
}

/**
 * Whether `at` is working time: inside an interval of its local weekday (start included, end
 * excluded) and not on a holiday.
 *
 * @throws RangeError when `at` is an invalid date.
 */
export function isWorkingTime(calendar: BusinessCalendar, at: Date): boolean {
  const instant = instantOf(at, 'at');
  if (calendar.alwaysOpen) return true;
  const day = localDayOf(instant, calendar.timeZone);
  return dayLookup(calendar)(day).some((interval) => interval.start <= instant && instant < interval.end);
}

/**
 * The first working instant at or after `at`: `at` itself during working hours, else the next opening.
 *
 * @throws RangeError when `at` is an invalid date.
 */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const from = instantOf(at, 'at');
  if (calendar.alwaysOpen) return new Date(from);
  for (const intervals of workingDaysFrom(calendar, from)) {
    const open = intervals.find((interval) => interval.end > from);
    if (open) return new Date(Math.max(open.start, from));
  }
  throw new Error('unreachable: working days never end');
}

/**
 * The end of the working time that holds `at`: the first instant after it that is not working
 * time, intervals that touch (across midnight too) counting as one. A calendar that stays open
 * longer than a year, such as round the clock, gives `at` plus 366 days. Undefined when `at` is
 * outside working time.
 *
 * @throws RangeError when `at` is an invalid date.
 */
export function nextClosing(calendar: BusinessCalendar, at: Date): Date | undefined {
  const from = instantOf(at, 'at');
  const horizon = from + CLOSING_HORIZON_MS;
  if (calendar.alwaysOpen) return new Date(horizon);
  let closes: number | undefined;
  for (const intervals of workingDaysFrom(calendar, from)) {
    for (const interval of intervals) {
      if (interval.end <= from) continue;
      // The first interval not behind `at` must hold it, and each next one must touch the run.
      if (interval.start > (closes ?? from)) return closes === undefined ? undefined : new Date(closes);
      closes = Math.max(closes ?? from, interval.end);
      if (closes >= horizon) return new Date(horizon);
    }
    // A day without working time ends the run.
    if (closes !== undefined && intervals.length === 0) return new Date(closes);
  }
  throw new Error('unreachable: working days never end');
}

/** The working intervals of each local day from the one holding `from` on, one day at a time. */
function* workingDaysFrom(calendar: BusinessCalendar, from: number): Generator<readonly WorkingInterval[]> {
  const intervalsOn = dayLookup(calendar);
  let closedDays = 0;
  for (let day = localDayOf(from, calendar.timeZone); ; day++) {
    const intervals = intervalsOn(day);
    closedDays = intervals.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new Error(`calendar ${calendar.id} has no working time for ${MAX_CLOSED_DAYS} days from ${isoDateOf(day - MAX_CLOSED_DAYS)}`);
    }
    yield intervals;
  }
}

function dayLookup(calendar: BusinessCalendar): (day: DayNumber) => readonly WorkingInterval[] {
  return intervalsByDayNumber.get(calendar) ?? ((day) => calendar.workingIntervals(isoDateOf(day)));
}

function instantOf(date: Date, name: string): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`${name} is not a valid date`);
  return instant;
}
