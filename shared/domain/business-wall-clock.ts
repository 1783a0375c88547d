import { DateTime } from 'luxon';
import { type DayNumber, dateParts } from './business-days.ts';

const MINUTES_PER_DAY = 24 * 60;
// No zone has skipped more than a day (Pacific/Apia skipped 2011-12-30), so a gap ends within this.
const LONGEST_GAP_MS = 25 * 60 * 60 * 1000;

/**
 * Resolves wall-clock minutes (0..1440) of one local date to instants, like `wallClockInstant`.
 * On days whose midnights both exist and share an offset (all but DST change days) every time of the day is
 * shown exactly once, so one Luxon `set` per time suffices.
 */
export function wallClockDay(timeZone: string, day: DayNumber): (minuteOfDay: number) => number {
  const start = DateTime.fromObject(dateParts(day), { zone: timeZone });
  const end = DateTime.fromObject(dateParts(day + 1), { zone: timeZone });
  const steady = start.offset === end.offset && start.hour === 0 && start.minute === 0 && end.hour === 0 && end.minute === 0;
  if (!steady) return (minuteOfDay) => wallClockInstant(timeZone, day, minuteOfDay);
  return (minuteOfDay) => (minuteOfDay >= MINUTES_PER_DAY ? end.toMillis() : start.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }).toMillis());
}

/**
 * The instant at which the wall clock of `timeZone` reaches `minuteOfDay` (0..1440) on `day`. A
 * time shown twice (the clock goes back) is its first occurrence; a time never shown (the clock
 * jumps forward over it) is the instant of the jump, the first moment the clock shows that time
 * or later.
 */
export function wallClockInstant(timeZone: string, day: DayNumber, minuteOfDay: number): number {
  const date = dateParts(minuteOfDay >= MINUTES_PER_DAY ? day + 1 : day);
  const minutes = minuteOfDay % MINUTES_PER_DAY;
  const wanted = { ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 };
  const local = DateTime.fromObject(wanted, { zone: timeZone });
  const shown = local.year === wanted.year && local.month === wanted.month && local.day === wanted.day && local.hour === wanted.hour && local.minute === wanted.minute;
  if (shown) return Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));

  // In a gap Luxon moves the time forward by the gap's length; search back for the jump itself.
  const wantedWall = DateTime.utc(wanted.year, wanted.month, wanted.day, wanted.hour, wanted.minute).toMillis();
  let before = local.toMillis() - LONGEST_GAP_MS;
  let reached = local.toMillis();
  while (reached - before > 1) {
    const middle = Math.floor((before + reached) / 2);
    if (wallOf(middle, timeZone) >= wantedWall) reached = middle;
    else before = middle;
  }
  return reached;
}

/** The wall-clock reading of an instant, as milliseconds of a naive (zone-less) date and time. */
function wallOf(instant: number, timeZone: string): number {
  return DateTime.fromMillis(instant, { zone: timeZone }).setZone('utc', { keepLocalTime: true }).toMillis();
}
