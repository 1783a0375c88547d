import type { DayNumber } from './business-days.ts';
import { wallClockReading } from './zone-offset.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Resolves wall-clock minutes (0..1440) of one local date to instants, like `wallClockInstant`.
 * On days whose midnights both exist and are a whole day apart (all but DST change days) every
 * time of the day is shown exactly once, so a time is its midnight plus its minutes.
 */
export function wallClockDay(timeZone: string, day: DayNumber): (minuteOfDay: number) => number {
  const start = wallClockInstant(timeZone, day, 0);
  const end = wallClockInstant(timeZone, day + 1, 0);
  const steady = end - start === DAY_MS && wallClockReading(start, timeZone) === day * DAY_MS && wallClockReading(end, timeZone) === (day + 1) * DAY_MS;
  if (!steady) return (minuteOfDay) => wallClockInstant(timeZone, day, minuteOfDay);
  return (minuteOfDay) => (minuteOfDay >= MINUTES_PER_DAY ? end : start + minuteOfDay * MINUTE_MS);
}

/**
 * The instant at which the wall clock of `timeZone` reaches `minuteOfDay` (0..1440) on `day`. A
 * time shown twice (the clock goes back) is its first occurrence; a time never shown (the clock
 * jumps forward over it) is the instant of the jump, the first moment the clock shows that time
 * or later.
 */
export function wallClockInstant(timeZone: string, day: DayNumber, minuteOfDay: number): number {
  const wanted = day * DAY_MS + minuteOfDay * MINUTE_MS;
  // The offsets in force a day either side: the time is shown under one of them (or under both,
  // when the clock goes back), unless a zone changed its offset twice within two days.
  const candidates = [wanted - DAY_MS, wanted + DAY_MS].map((near) => wanted - (wallClockReading(near, timeZone) - near));
  const shown = candidates.filter((instant) => wallClockReading(instant, timeZone) === wanted);
  if (shown.length > 0) return Math.min(...shown);

  // In a gap: the jump lies between the two candidates; search it to the millisecond.
  let before = Math.min(...candidates);
  let reached = Math.max(...candidates);
  while (reached - before > 1) {
    const middle = Math.floor((before + reached) / 2);
    if (wallClockReading(middle, timeZone) >= wanted) reached = middle;
    else before = middle;
  }
  return reached;
}
