import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, addBusinessMs, businessMinutesBetween, businessMsBetween, createBusinessCalendar, isWorkingTime, nextOpening } from '../../../shared/domain/business-calendar.ts';
import { ConfigError } from '../../../shared/config/config-error.ts';
import { at, calendar, EVERY_DAY, OFFICE_HOURS } from './calendars.ts';

const berlin = calendar('Europe/Berlin', OFFICE_HOURS);

describe('business calendar: working time', () => {
  it('counts from the start inside working hours', () => {
    expect(addBusinessMinutes(berlin, at('2026-01-12T10:00:00+01:00'), 90)).toEqual(at('2026-01-12T11:30:00+01:00'));
  });

  it('ends at the closing, not the next opening, when the time runs out exactly then', () => {
    expect(addBusinessMinutes(berlin, at('2026-01-12T09:00:00+01:00'), 480)).toEqual(at('2026-01-12T17:00:00+01:00'));
  });

  it('carries the rest over the weekend', () => {
    const friday = at('2026-01-09T15:00:00+01:00');
    const deadline = addBusinessMinutes(berlin, friday, 180);
    expect(deadline).toEqual(at('2026-01-12T10:00:00+01:00'));
    expect(businessMinutesBetween(berlin, friday, deadline)).toBe(180);
  });

  it('starts counting at the next opening when started outside hours', () => {
    expect(addBusinessMinutes(berlin, at('2026-01-12T07:00:00+01:00'), 30)).toEqual(at('2026-01-12T09:30:00+01:00'));
    expect(addBusinessMinutes(berlin, at('2026-01-12T18:00:00+01:00'), 30)).toEqual(at('2026-01-13T09:30:00+01:00'));
    expect(addBusinessMinutes(berlin, at('2026-01-10T12:00:00+01:00'), 30)).toEqual(at('2026-01-12T09:30:00+01:00'));
    expect(businessMinutesBetween(berlin, at('2026-01-10T00:00:00+01:00'), at('2026-01-12T09:30:00+01:00'))).toBe(30);
  });

  it('returns the start itself for zero minutes, even outside hours', () => {
    const saturday = at('2026-01-10T12:00:00+01:00');
    expect(addBusinessMinutes(berlin, saturday, 0)).toEqual(saturday);
    expect(nextOpening(berlin, saturday)).toEqual(at('2026-01-12T09:00:00+01:00'));
  });

  it('spans several weeks', () => {
    const monday = at('2026-01-05T09:00:00+01:00');
    // 10,000 minutes = 20 working days of 480 minutes (to Fri 2026-01-30 17:00) and 400 more.
    const deadline = addBusinessMinutes(berlin, monday, 10_000);
    expect(deadline).toEqual(at('2026-02-02T15:40:00+01:00'));
    expect(businessMinutesBetween(berlin, monday, deadline)).toBe(10_000);
  });

  // How fast it is belongs to the bench; here, that a year's target comes out right.
  it('handles targets of a year by stepping whole days', () => {
    const monday = at('2026-01-05T09:00:00+01:00');
    // 250 working days of 8 hours: 50 weeks.
    const deadline = addBusinessMinutes(berlin, monday, 250 * 480);
    expect(deadline).toEqual(at('2026-12-18T17:00:00+01:00'));
    expect(businessMinutesBetween(berlin, monday, deadline)).toBe(250 * 480);
  });

  it('counts split days without the lunch break', () => {
    const split = calendar('Europe/Berlin', {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
    });
    const monday = at('2026-01-12T11:00:00+01:00');
    expect(addBusinessMinutes(split, monday, 120)).toEqual(at('2026-01-12T14:00:00+01:00'));
    expect(addBusinessMinutes(split, monday, 60)).toEqual(at('2026-01-12T12:00:00+01:00'));
    expect(addBusinessMinutes(split, monday, 61)).toEqual(at('2026-01-12T13:01:00+01:00'));
    expect(businessMinutesBetween(split, monday, at('2026-01-12T14:00:00+01:00'))).toBe(120);
    expect(isWorkingTime(split, at('2026-01-12T12:30:00+01:00'))).toBe(false);
    expect(nextOpening(split, at('2026-01-12T12:30:00+01:00'))).toEqual(at('2026-01-12T13:00:00+01:00'));
    // 6 hours after 11:00: 1 before lunch and 4 after it today, the last one on the next Monday.
    expect(addBusinessMinutes(split, monday, 360)).toEqual(at('2026-01-19T10:00:00+01:00'));
  });

  it('runs a shift to midnight into the next day', () => {
    const nights = calendar('Europe/Berlin', { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']] });
    expect(addBusinessMinutes(nights, at('2026-01-12T23:00:00+01:00'), 120)).toEqual(at('2026-01-13T01:00:00+01:00'));
    expect(businessMinutesBetween(nights, at('2026-01-12T00:00:00+01:00'), at('2026-01-14T00:00:00+01:00'))).toBe(480);
    expect(isWorkingTime(nights, at('2026-01-13T00:00:00+01:00'))).toBe(true);
  });

  it('measures fractional minutes to the millisecond', () => {
    const from = at('2026-01-12T16:59:30.250+01:00');
    expect(businessMsBetween(berlin, from, at('2026-01-13T09:00:10+01:00'))).toBe(29_750 + 10_000);
    expect(businessMinutesBetween(berlin, from, at('2026-01-13T09:00:10+01:00'))).toBeCloseTo(39.75 / 60, 10);
    expect(addBusinessMs(berlin, from, 29_751)).toEqual(at('2026-01-13T09:00:00.001+01:00'));
    expect(addBusinessMinutes(berlin, from, 0.5)).toEqual(at('2026-01-13T09:00:00.250+01:00'));
  });

  it('gives 0 between an instant and itself or an earlier one', () => {
    const monday = at('2026-01-12T10:00:00+01:00');
    expect(businessMinutesBetween(berlin, monday, monday)).toBe(0);
    expect(businessMinutesBetween(berlin, monday, at('2026-01-12T09:30:00+01:00'))).toBe(0);
  });

  it('lists the working intervals of a local date as instants', () => {
    expect(berlin.workingIntervals('2026-01-12')).toEqual([{ start: at('2026-01-12T09:00:00+01:00').getTime(), end: at('2026-01-12T17:00:00+01:00').getTime() }]);
    expect(berlin.workingIntervals('2026-01-10')).toEqual([]);
  });

  it('tells working time, start included and end excluded', () => {
    expect(isWorkingTime(berlin, at('2026-01-12T09:00:00+01:00'))).toBe(true);
    expect(isWorkingTime(berlin, at('2026-01-12T16:59:59.999+01:00'))).toBe(true);
    expect(isWorkingTime(berlin, at('2026-01-12T17:00:00+01:00'))).toBe(false);
    expect(isWorkingTime(berlin, at('2026-01-10T10:00:00+01:00'))).toBe(false);
  });

  it('gives the instant itself as the next opening during working hours', () => {
    const monday = at('2026-01-12T10:00:00+01:00');
    expect(nextOpening(berlin, monday)).toEqual(monday);
    expect(nextOpening(berlin, at('2026-01-12T17:00:00+01:00'))).toEqual(at('2026-01-13T09:00:00+01:00'));
  });
});

describe('business calendar: 24x7', () => {
  const roundTheClock = calendar('Europe/Berlin', '24x7');

  it('equals plain elapsed time, across a DST change too', () => {
    const start = at('2026-03-28T12:34:56.789+01:00');
    expect(addBusinessMinutes(roundTheClock, start, 5000).getTime()).toBe(start.getTime() + 5000 * 60_000);
    expect(businessMinutesBetween(roundTheClock, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(23 * 60);
    expect(businessMinutesBetween(roundTheClock, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(25 * 60);
    expect(isWorkingTime(roundTheClock, start)).toBe(true);
  });

  it('still stops on holidays', () => {
    const withHoliday = calendar('Europe/Berlin', '24x7', { dates: ['2026-12-25'] });
    expect(withHoliday.alwaysOpen).toBe(false);
    expect(addBusinessMinutes(withHoliday, at('2026-12-24T23:00:00+01:00'), 120)).toEqual(at('2026-12-26T01:00:00+01:00'));
    expect(businessMinutesBetween(withHoliday, at('2026-12-24T00:00:00+01:00'), at('2026-12-27T00:00:00+01:00'))).toBe(48 * 60);
  });
});

describe('business calendar: holidays', () => {
  it('skips an explicit holiday date as a whole day', () => {
    const withEve = calendar('Europe/Berlin', OFFICE_HOURS, { dates: ['2026-12-24'] });
    // Wed 23rd 16:00 -> 1 hour left that day; Thu 24th off; Fri 25th counts (no country given).
    expect(addBusinessMinutes(withEve, at('2026-12-23T16:00:00+01:00'), 120)).toEqual(at('2026-12-25T10:00:00+01:00'));
    expect(isWorkingTime(withEve, at('2026-12-24T10:00:00+01:00'))).toBe(false);
  });

  it('skips German public holidays when the country is DE', () => {
    const germany = calendar('Europe/Berlin', { ...OFFICE_HOURS, sat: [['09:00', '17:00']] }, { country: 'DE', dates: ['2026-12-24'] });
    // Sat 2026-10-03 is Tag der Deutschen Einheit.
    expect(addBusinessMinutes(germany, at('2026-10-02T16:00:00+02:00'), 120)).toEqual(at('2026-10-05T10:00:00+02:00'));
    expect(businessMinutesBetween(germany, at('2026-10-02T00:00:00+02:00'), at('2026-10-06T00:00:00+02:00'))).toBe(2 * 480);
    // Christmas: 24th explicit, 25th and 26th public, 27th a Sunday.
    expect(addBusinessMinutes(germany, at('2026-12-23T16:00:00+01:00'), 120)).toEqual(at('2026-12-28T10:00:00+01:00'));
    expect(germany.isHoliday('2026-10-03')).toBe(true);
  });

  it('counts the same days as working days without a country', () => {
    const plain = calendar('Europe/Berlin', { ...OFFICE_HOURS, sat: [['09:00', '17:00']] });
    expect(addBusinessMinutes(plain, at('2026-10-02T16:00:00+02:00'), 120)).toEqual(at('2026-10-03T10:00:00+02:00'));
  });

  it('takes only public holidays, not bank holidays or observances', () => {
    const germany = calendar('Europe/Berlin', OFFICE_HOURS, { country: 'DE' });
    expect(germany.isHoliday('2026-12-24')).toBe(false); // Heiliger Abend: bank holiday from 14:00
    expect(germany.isHoliday('2026-02-16')).toBe(false); // Rosenmontag: observance
    expect(germany.isHoliday('2026-12-25')).toBe(true);
  });

  it("adds the state's own public holidays", () => {
    const bavaria = calendar('Europe/Berlin', OFFICE_HOURS, { country: 'DE', state: 'BY' });
    const berlinState = calendar('Europe/Berlin', OFFICE_HOURS, { country: 'DE', state: 'BE' });
    expect(bavaria.isHoliday('2026-01-06')).toBe(true); // Heilige Drei Koenige
    expect(berlinState.isHoliday('2026-01-06')).toBe(false);
    expect(berlinState.isHoliday('2026-03-08')).toBe(true); // Internationaler Frauentag, Berlin only
    expect(bavaria.isHoliday('2026-03-08')).toBe(false);
    expect(addBusinessMinutes(bavaria, at('2026-01-05T16:00:00+01:00'), 120)).toEqual(at('2026-01-07T10:00:00+01:00'));
  });

  it('computes public holidays of any year on demand', () => {
    const germany = calendar('Europe/Berlin', OFFICE_HOURS, { country: 'DE' });
    expect(germany.isHoliday('2031-10-03')).toBe(true);
    expect(germany.isHoliday('1999-12-25')).toBe(true);
    // Tue 2030-12-24: 1 hour left; Wed 25th and Thu 26th off; 7 hours on Fri 27th.
    expect(addBusinessMinutes(germany, at('2030-12-24T16:00:00+01:00'), 8 * 60)).toEqual(at('2030-12-27T16:00:00+01:00'));
    // Across the new year: Wed 2030-12-31, then Thu 2031-01-01 off.
    expect(addBusinessMinutes(germany, at('2030-12-31T16:00:00+01:00'), 120)).toEqual(at('2031-01-02T10:00:00+01:00'));
  });

  it('takes a half-day public holiday as a whole day off', () => {
    // In China 2026-03-08 (International Women's Day) is a public holiday from 12:00.
    const china = calendar('Asia/Shanghai', { ...OFFICE_HOURS, sun: [['09:00', '17:00']] }, { country: 'CN' });
    expect(china.isHoliday('2026-03-08')).toBe(true);
    expect(china.workingIntervals('2026-03-08')).toEqual([]);
  });

  it('uses US public holidays with US time zones', () => {
    const newYork = calendar('America/New_York', OFFICE_HOURS, { country: 'US' });
    // Thu 2026-11-26 is Thanksgiving.
    expect(addBusinessMinutes(newYork, at('2026-11-25T16:00:00-05:00'), 120)).toEqual(at('2026-11-27T10:00:00-05:00'));
  });
});

describe('business calendar: time zones on both sides of UTC', () => {
  it('follows the wall clock of Pacific/Auckland (UTC+13 in January)', () => {
    const auckland = calendar('Pacific/Auckland', OFFICE_HOURS);
    // Fri 09:00 in Auckland is Thursday evening in UTC.
    const friday = at('2026-01-08T20:00:00Z');
    expect(addBusinessMinutes(auckland, friday, 600)).toEqual(at('2026-01-12T11:00:00+13:00'));
    // Mon 09:00 in Auckland is Sunday 20:00 in UTC.
    expect(isWorkingTime(auckland, at('2026-01-11T19:59:59.999Z'))).toBe(false);
    expect(isWorkingTime(auckland, at('2026-01-11T20:00:00Z'))).toBe(true);
    expect(nextOpening(auckland, at('2026-01-10T00:00:00Z'))).toEqual(at('2026-01-11T20:00:00Z'));
  });

  it('follows the wall clock of America/Los_Angeles (UTC-8 in January)', () => {
    const losAngeles = calendar('America/Los_Angeles', OFFICE_HOURS);
    // Fri 16:00 in Los Angeles is already Saturday in UTC.
    const friday = at('2026-01-10T00:00:00Z');
    expect(isWorkingTime(losAngeles, friday)).toBe(true);
    expect(addBusinessMinutes(losAngeles, friday, 120)).toEqual(at('2026-01-12T10:00:00-08:00'));
    expect(businessMinutesBetween(losAngeles, friday, at('2026-01-12T10:00:00-08:00'))).toBe(120);
  });

  it('counts the same instants differently in different zones', () => {
    const from = at('2026-01-12T00:00:00Z');
    const to = at('2026-01-13T00:00:00Z');
    expect(businessMinutesBetween(calendar('UTC', OFFICE_HOURS), from, to)).toBe(480);
    expect(businessMinutesBetween(calendar('Asia/Kolkata', OFFICE_HOURS), from, to)).toBe(480);
    // Mon 00:00Z is Sun 16:00 in Los Angeles: Monday 09:00-16:00 falls inside.
    expect(businessMinutesBetween(calendar('America/Los_Angeles', OFFICE_HOURS), from, to)).toBe(420);
  });
});

describe('business calendar: refusals', () => {
  it('refuses a calendar with no working hours', () => {
    const build = () => createBusinessCalendar({ id: 'closed', timeZone: 'UTC', hours: { sat: [], sun: [] } });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/calendar closed has no working hours/);
  });

  it('refuses negative, infinite or fractional-millisecond amounts and invalid dates', () => {
    const monday = at('2026-01-12T10:00:00+01:00');
    expect(() => addBusinessMinutes(berlin, monday, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(berlin, monday, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addBusinessMinutes(berlin, monday, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMs(berlin, monday, 1.5)).toThrow(RangeError);
    expect(() => addBusinessMinutes(berlin, new Date('not a date'), 1)).toThrow('start is not a valid date');
    expect(() => businessMinutesBetween(berlin, monday, new Date(Number.NaN))).toThrow('to is not a valid date');
    expect(() => berlin.workingIntervals('2026-02-30')).toThrow(RangeError);
  });

  it('stops searching when holidays close the calendar for ten years', () => {
    const saturdays = Array.from({ length: 600 }, (_, week) => new Date(Date.UTC(2026, 0, 3 + 7 * week)).toISOString().slice(0, 10));
    const closed = calendar('UTC', { sat: [['09:00', '17:00']] }, { dates: saturdays });
    expect(() => addBusinessMinutes(closed, at('2026-01-01T00:00:00Z'), 1)).toThrow(/calendar test has no working time for 3660 days from 2026-01-01/);
    // After the last listed Saturday it opens again.
    expect(nextOpening(closed, at('2037-06-01T00:00:00Z')).getUTCDay()).toBe(6);
  });
});

describe('business calendar: every day', () => {
  it('counts Saturdays and Sundays when they have hours', () => {
    const daily = calendar('Europe/Berlin', EVERY_DAY);
    expect(addBusinessMinutes(daily, at('2026-01-09T16:00:00+01:00'), 120)).toEqual(at('2026-01-10T10:00:00+01:00'));
  });
});
