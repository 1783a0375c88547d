import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, isoDateOf, localDayOf } from '../../../shared/domain/business-days.ts';
import { wallClockDay, wallClockInstant } from '../../../shared/domain/business-wall-clock.ts';

// Fixed so that a failure reproduces on every run; change it to explore other cases.
const RUNS = { numRuns: 2000, seed: 20_261_203 };

// Half-hour DST (Lord Howe), a negative DST (Dublin), offsets off the hour (Kolkata, Chatham,
// St John's), DST that pauses for Ramadan (Casablanca), a skipped day (Apia, 2011-12-30).
const zones = fc.constantFrom(
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Europe/Dublin',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Casablanca',
  'Pacific/Apia',
  'UTC',
);
const days = fc.integer({ min: dayNumberOf('2000-01-01'), max: dayNumberOf('2040-12-31') });
const minutes = fc.integer({ min: 0, max: 24 * 60 });

/** Luxon's answer for a time the clock shows, as the functions had it before: its earliest instant. */
function luxonInstant(timeZone: string, day: number, minuteOfDay: number): number {
  const date = DateTime.fromISO(isoDateOf(minuteOfDay >= 1440 ? day + 1 : day), { zone: 'utc' });
  const local = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor((minuteOfDay % 1440) / 60), minute: minuteOfDay % 60 }, { zone: timeZone });
  return Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));
}

describe('wall-clock times in a zone', () => {
  it('agree with Luxon on the instant of every time shown, in zones with unusual offsets', () => {
    fc.assert(
      fc.property(zones, days, minutes, (timeZone, day, minuteOfDay) => {
        const instant = wallClockInstant(timeZone, day, minuteOfDay);
        const local = DateTime.fromMillis(instant, { zone: timeZone });
        const wantedDate = isoDateOf(minuteOfDay >= 1440 ? day + 1 : day);
        const wantedTime = `${String(Math.floor((minuteOfDay % 1440) / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
        if (local.toFormat('yyyy-MM-dd HH:mm') === `${wantedDate} ${wantedTime}`) {
          expect(instant).toBe(luxonInstant(timeZone, day, minuteOfDay));
        } else {
          // Not shown: the instant is the jump, and a millisecond before it the clock was short of the time.
          expect(local.toFormat('yyyy-MM-dd HH:mm') > `${wantedDate} ${wantedTime}`).toBe(true);
          expect(DateTime.fromMillis(instant - 1, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm') < `${wantedDate} ${wantedTime}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('give the same instants for a whole day at once as one by one', () => {
    fc.assert(
      fc.property(zones, days, fc.array(minutes, { maxLength: 8 }), (timeZone, day, times) => {
        const resolve = wallClockDay(timeZone, day);
        for (const minuteOfDay of times) expect(resolve(minuteOfDay)).toBe(wallClockInstant(timeZone, day, minuteOfDay));
      }),
      RUNS,
    );
  });

  it('agree with Luxon on the local date of an instant', () => {
    fc.assert(
      fc.property(zones, fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-12-31T00:00:00Z') }), (timeZone, instant) => {
        expect(isoDateOf(localDayOf(instant, timeZone))).toBe(DateTime.fromMillis(instant, { zone: timeZone }).toISODate());
      }),
      RUNS,
    );
  });

  it('take the first of a time shown twice and the jump over a time never shown', () => {
    const day = (date: string) => dayNumberOf(date);
    // Berlin: 02:30 is skipped on 2026-03-29 (the clock jumps from 02:00 +01:00 to 03:00 +02:00)...
    expect(new Date(wallClockInstant('Europe/Berlin', day('2026-03-29'), 150)).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // ...and shown twice on 2026-10-25, first at +02:00.
    expect(new Date(wallClockInstant('Europe/Berlin', day('2026-10-25'), 150)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // Lord Howe moves by half an hour: 02:15 is skipped on 2026-10-04.
    expect(new Date(wallClockInstant('Australia/Lord_Howe', day('2026-10-04'), 135)).toISOString()).toBe('2026-10-03T15:30:00.000Z');
    // Apia skipped 2011-12-30 altogether: noon of it is the first moment of 2011-12-31.
    expect(new Date(wallClockInstant('Pacific/Apia', day('2011-12-30'), 720)).toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });

  it('read dates as YYYY-MM-DD and refuse what is not a real date', () => {
    expect(isoDateOf(dayNumberOf('2028-02-29'))).toBe('2028-02-29');
    expect(isoDateOf(dayNumberOf('0050-06-01'))).toBe('0050-06-01');
    for (const notADate of ['2026-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00', '']) expect(dayNumberOf(notADate)).toBeNaN();
  });
});
