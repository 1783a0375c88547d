import { tzOffset } from '@date-fns/tz/tzOffset';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockReading } from '../../../shared/domain/zone-offset.ts';

// Fixed so that a failure reproduces on every run; change it to explore other cases.
const RUNS = { numRuns: 3000, seed: 20_261_204 };

// Half-hour DST (Lord Howe), a negative DST (Dublin), offsets off the hour (Kathmandu, Chatham,
// St John's), DST that pauses for Ramadan (Casablanca), a skipped day (Apia), local mean time
// before 1900 with offsets in seconds (Amsterdam, Paramaribo).
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Europe/Dublin',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Casablanca',
  'Pacific/Apia',
  'Europe/Amsterdam',
  'America/Paramaribo',
  'UTC',
];

const MINUTE_MS = 60_000;
const QUARTER = 15 * MINUTE_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** The reading without any remembered offset: the instant plus its own offset. */
const direct = (instant: number, timeZone: string) => instant + Math.round(tzOffset(timeZone, new Date(instant)) * MINUTE_MS);

/** The instants of a zone's transitions in a span, to the millisecond: an hourly scan, then bisection. */
function transitions(timeZone: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let at = from; at < to; at += HOUR_MS) {
    if (tzOffset(timeZone, new Date(at)) === tzOffset(timeZone, new Date(at + HOUR_MS))) continue;
    let [before, after] = [at, at + HOUR_MS];
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (tzOffset(timeZone, new Date(middle)) === tzOffset(timeZone, new Date(at))) before = middle;
      else after = middle;
    }
    found.push(after);
  }
  return found;
}

describe('the wall-clock reading of an instant', () => {
  it('is the instant plus its own offset at every millisecond around each transition', () => {
    // Today's transitions in every zone, and Paramaribo's of 1911, 1935 and 1945, which fell inside a quarter hour.
    const spans = [
      ...ZONES.map((timeZone) => [timeZone, Date.UTC(2024, 0, 1), Date.UTC(2027, 0, 1)] as const),
      ...[1910, 1934, 1945].map((year) => ['America/Paramaribo', Date.UTC(year, 0, 1), Date.UTC(year + 2, 0, 1)] as const),
    ];
    const unaligned: number[] = [];
    for (const [timeZone, from, to] of spans) {
      for (const transition of transitions(timeZone, from, to)) {
        if (transition % QUARTER !== 0) unaligned.push(transition);
        for (const delta of [-QUARTER, -MINUTE_MS, -1, 0, 1, MINUTE_MS, QUARTER]) {
          const instant = transition + delta;
          expect([timeZone, instant, wallClockReading(instant, timeZone)]).toEqual([timeZone, instant, direct(instant, timeZone)]);
        }
      }
    }
    expect(unaligned).toHaveLength(3);
  });

  it('gives the same as reading each instant on its own, in any order, from 1850 to 2040', () => {
    const instants = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2040, 11, 31) });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(instants, { minLength: 1, maxLength: 20 }), (timeZone, read) => {
        for (const instant of read) {
          expect(wallClockReading(instant, timeZone)).toBe(direct(instant, timeZone));
          // A neighbour in the same quarter hour, read after the quarter is remembered.
          expect(wallClockReading(instant + 1, timeZone)).toBe(direct(instant + 1, timeZone));
        }
      }),
      RUNS,
    );
  });

  it('reads an unknown zone as not a number, as the offset library does', () => {
    expect(wallClockReading(Date.UTC(2026, 0, 1), 'Mars/Olympus_Mons')).toBeNaN();
  });
});
