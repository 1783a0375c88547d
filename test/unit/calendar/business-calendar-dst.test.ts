import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime, nextOpening } from '../../../shared/domain/business-calendar.ts';
import { at, calendar, EVERY_DAY, OFFICE_HOURS } from './calendars.ts';

const NIGHT_SHIFT = { sun: [['00:00', '06:00']] as [string, string][] };

describe.each([
  { zone: 'Europe/Berlin', springSunday: '2026-03-29', fallSunday: '2026-10-25', winter: '+01:00', summer: '+02:00' },
  { zone: 'America/New_York', springSunday: '2026-03-08', fallSunday: '2026-11-01', winter: '-05:00', summer: '-04:00' },
])('business calendar across DST in $zone', ({ zone, springSunday, fallSunday, winter, summer }) => {
  const daily = calendar(zone, EVERY_DAY);

  it('keeps a 09:00-17:00 day at 8 hours when the clock springs forward', () => {
    expect(businessMinutesBetween(daily, at(`${springSunday}T00:00:00${winter}`), at(`${springSunday}T23:59:00${summer}`))).toBe(480);
    expect(addBusinessMinutes(daily, at(`${springSunday}T09:00:00${summer}`), 480)).toEqual(at(`${springSunday}T17:00:00${summer}`));
  });

  it('keeps a 09:00-17:00 day at 8 hours when the clock falls back', () => {
    expect(businessMinutesBetween(daily, at(`${fallSunday}T00:00:00${summer}`), at(`${fallSunday}T23:59:00${winter}`))).toBe(480);
    expect(addBusinessMinutes(daily, at(`${fallSunday}T09:00:00${winter}`), 480)).toEqual(at(`${fallSunday}T17:00:00${winter}`));
  });

  it('carries a deadline over the spring-forward weekend to the same wall-clock time', () => {
    const office = calendar(zone, OFFICE_HOURS);
    const friday = at(`${isoDaysBefore(springSunday, 2)}T16:00:00${winter}`);
    const deadline = addBusinessMinutes(office, friday, 120);
    expect(deadline).toEqual(at(`${isoDaysBefore(springSunday, -1)}T10:00:00${summer}`));
    expect(businessMinutesBetween(office, friday, deadline)).toBe(120);
  });

  it('carries a deadline over the fall-back weekend to the same wall-clock time', () => {
    const office = calendar(zone, OFFICE_HOURS);
    const friday = at(`${isoDaysBefore(fallSunday, 2)}T16:00:00${summer}`);
    const deadline = addBusinessMinutes(office, friday, 120);
    expect(deadline).toEqual(at(`${isoDaysBefore(fallSunday, -1)}T10:00:00${winter}`));
    expect(businessMinutesBetween(office, friday, deadline)).toBe(120);
  });

  it('shortens a night shift over the skipped hour by that hour', () => {
    const nights = calendar(zone, NIGHT_SHIFT);
    expect(businessMinutesBetween(nights, at(`${springSunday}T00:00:00${winter}`), at(`${springSunday}T12:00:00${summer}`))).toBe(300);
    expect(addBusinessMinutes(nights, at(`${springSunday}T01:00:00${winter}`), 60)).toEqual(at(`${springSunday}T03:00:00${summer}`));
  });

  it('lengthens a night shift over the repeated hour by that hour', () => {
    const nights = calendar(zone, NIGHT_SHIFT);
    expect(businessMinutesBetween(nights, at(`${fallSunday}T00:00:00${summer}`), at(`${fallSunday}T12:00:00${winter}`))).toBe(420);
    // Two hours after 00:30 the clock shows 01:30 for the second time.
    expect(addBusinessMinutes(nights, at(`${fallSunday}T00:30:00${summer}`), 120)).toEqual(at(`${fallSunday}T01:30:00${winter}`));
  });
});

describe('business calendar: hours that begin or end inside a DST change', () => {
  it('opens at the jump when the opening time is skipped', () => {
    const early = calendar('Europe/Berlin', { sun: [['02:30', '04:00']] });
    // The clock jumps from 02:00 to 03:00 (01:00Z): 02:30 is never shown, so work starts at 03:00.
    expect(nextOpening(early, at('2026-03-29T00:00:00+01:00'))).toEqual(at('2026-03-29T03:00:00+02:00'));
    expect(isWorkingTime(early, at('2026-03-29T00:59:59.999Z'))).toBe(false);
    expect(isWorkingTime(early, at('2026-03-29T01:00:00Z'))).toBe(true);
    expect(businessMinutesBetween(early, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(60);
  });

  it('has no working time in an interval that lies wholly in the skipped hour', () => {
    const skipped = calendar('Europe/Berlin', {
      sun: [
        ['02:15', '02:45'],
        ['10:00', '11:00'],
      ],
    });
    expect(businessMinutesBetween(skipped, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(60);
    expect(businessMinutesBetween(skipped, at('2026-03-22T00:00:00+01:00'), at('2026-03-23T00:00:00+01:00'))).toBe(90);
  });

  it('opens at the first of two 02:30s when the clock goes back', () => {
    const early = calendar('Europe/Berlin', { sun: [['02:30', '04:00']] });
    expect(nextOpening(early, at('2026-10-25T00:00:00+02:00'))).toEqual(at('2026-10-25T02:30:00+02:00'));
    expect(businessMinutesBetween(early, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(150);
  });

  it('opens at the jump when midnight itself is skipped (America/Santiago)', () => {
    // On 2026-09-06 Chile's clocks jump from 00:00 to 01:00.
    const santiago = calendar('America/Santiago', { sun: [['00:00', '24:00']] });
    expect(nextOpening(santiago, at('2026-09-05T12:00:00-04:00'))).toEqual(at('2026-09-06T01:00:00-03:00'));
    expect(businessMinutesBetween(santiago, at('2026-09-05T00:00:00-04:00'), at('2026-09-08T00:00:00-03:00'))).toBe(23 * 60);
  });

  it('gives a day 25 hours when midnight is repeated (America/Santiago)', () => {
    // On 2026-04-05 at 00:00 Chile's clocks go back to 23:00 of the 4th.
    const santiago = calendar('America/Santiago', { sat: [['00:00', '24:00']] });
    expect(businessMinutesBetween(santiago, at('2026-04-03T00:00:00-03:00'), at('2026-04-06T00:00:00-04:00'))).toBe(25 * 60);
    expect(addBusinessMinutes(santiago, at('2026-04-04T00:00:00-03:00'), 25 * 60)).toEqual(at('2026-04-05T00:00:00-04:00'));
  });

  it('follows the half-hour DST of Australia/Lord_Howe', () => {
    // On 2026-04-05 the clock goes back from 02:00 to 01:30: a 00:00-06:00 shift lasts 6.5 hours.
    const lordHowe = calendar('Australia/Lord_Howe', NIGHT_SHIFT);
    expect(businessMinutesBetween(lordHowe, at('2026-04-04T12:00:00Z'), at('2026-04-05T12:00:00Z'))).toBe(390);
  });
});

/** The ISO date `days` days before `date` (negative: after), by calendar arithmetic. */
function isoDaysBefore(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() - days);
  return instant.toISOString().slice(0, 10);
}
