import { tzOffset } from '@date-fns/tz/tzOffset';

const MINUTE_MS = 60_000;

/**
 * A zone's offset changes only at its transitions, and the time-zone database has no two of them
 * within a quarter hour: a quarter hour whose first and last millisecond read the same offset has
 * that offset throughout, and one reading serves it. A quarter hour that holds a transition is read
 * instant by instant. Reading an offset formats a date through `Intl`, which was most of the time a
 * list of tickets spent counting their SLA clocks' time left.
 */
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/** Quarter hours remembered per zone before the memory starts over: a year of them is 35,040. */
const MAX_REMEMBERED = 50_000;

const remembered = new Map<string, Map<number, number>>();

/** The zone's offset from UTC in minutes at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  let zone = remembered.get(timeZone);
  const known = zone?.get(quarter);
  if (known !== undefined) return known;
  const first = tzOffset(timeZone, new Date(quarter * QUARTER_HOUR_MS));
  const last = tzOffset(timeZone, new Date((quarter + 1) * QUARTER_HOUR_MS - 1));
  if (first !== last || Number.isNaN(first)) return tzOffset(timeZone, new Date(instant));
  if (!zone || zone.size >= MAX_REMEMBERED) remembered.set(timeZone, (zone = new Map()));
  zone.set(quarter, first);
  return first;
}

/**
 * The wall-clock reading of an instant in a time zone, as the epoch milliseconds of the same
 * naive (zone-less) date and time. The offset comes from the runtime's time-zone data through
 * `Intl` (by @date-fns/tz, under 1 KB, where Luxon would add 70 KB to every route that tells SLA time).
 */
export function wallClockReading(instant: number, timeZone: string): number {
  return instant + Math.round(offsetMinutes(instant, timeZone) * MINUTE_MS);
}
