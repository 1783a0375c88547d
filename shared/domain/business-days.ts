import { wallClockReading } from './zone-offset.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A local calendar date as a day number (days since 1970-01-01). Stepping through days is then
 * adding 1, with no time zone involved; the zone only matters when a wall-clock time of the day
 * becomes an instant.
 */
export type DayNumber = number;

/** The day number of a date as YYYY-MM-DD; NaN when it is not a real date. */
export function dayNumberOf(date: string): DayNumber {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 as they are.
  const day = new Date(0).setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
  // 2026-02-30 rolls over to March: not a real date.
  return isoDateOf(day) === date ? day : Number.NaN;
}

/** The local date of an instant in a zone. */
export function localDayOf(instant: number, timeZone: string): DayNumber {
  return Math.floor(wallClockReading(instant, timeZone) / DAY_MS);
}

/** The date of a day number as YYYY-MM-DD. */
export function isoDateOf(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Monday to 6 for Sunday, the order of `WEEKDAYS`. */
export function weekdayIndexOf(day: DayNumber): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}
