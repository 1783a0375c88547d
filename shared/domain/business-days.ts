import { DateTime } from 'luxon';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A local calendar date as a day number (days since 1970-01-01). Stepping through days is then
 * adding 1, with no time zone involved; the zone only matters when a wall-clock time of the day
 * becomes an instant.
 */
export type DayNumber = number;

/** The day number of a date as YYYY-MM-DD; NaN when it is not a real date. */
export function dayNumberOf(date: string): DayNumber {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  return parsed.isValid && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Math.round(parsed.toMillis() / DAY_MS) : Number.NaN;
}

/** The local date of an instant in a zone. */
export function localDayOf(instant: number, timeZone: string): DayNumber {
  const local = DateTime.fromMillis(instant, { zone: timeZone });
  return Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
}

/** The date of a day number as YYYY-MM-DD. */
export function isoDateOf(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year, month (1-12) and day of the month of a day number. */
export function dateParts(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 for Monday to 6 for Sunday, the order of `WEEKDAYS`. */
export function weekdayIndexOf(day: DayNumber): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}
