import { describe, expect, it } from 'vitest';
import { calendarSchema } from '../../../shared/config/calendar-schema.ts';
import { configProblems } from '../../../shared/config/config-error.ts';

const valid = {
  id: 'berlin-office',
  timeZone: 'Europe/Berlin',
  hours: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    fri: [['09:00', '24:00']],
  },
  holidays: { dates: ['2026-12-24'], country: 'DE', state: 'BY' },
};

function problemsOf(input: unknown): string[] {
  const result = calendarSchema.safeParse(input);
  if (result.success) throw new Error('expected the calendar to be refused');
  return configProblems(result.error);
}

describe('calendar configuration', () => {
  it('accepts weekly hours, split days, 24:00 ends and holidays', () => {
    expect(calendarSchema.parse(valid)).toEqual(valid);
  });

  it("accepts '24x7' without holidays", () => {
    expect(calendarSchema.parse({ id: 'noc', timeZone: 'UTC', hours: '24x7' }).hours).toBe('24x7');
  });

  it('accepts a closed day as an empty list', () => {
    expect(calendarSchema.safeParse({ ...valid, hours: { ...valid.hours, sat: [] } }).success).toBe(true);
  });

  it('refuses an id that is not a config id', () => {
    expect(problemsOf({ ...valid, id: 'Berlin Office' })).toEqual(['id: use 1-32 lower-case letters, digits or dashes, starting with a letter']);
  });

  it('names an unknown time zone and gives an example', () => {
    expect(problemsOf({ ...valid, timeZone: 'Europe/Berlinn' })).toEqual(['timeZone: "Europe/Berlinn" is not an IANA time zone; use a name like Europe/Berlin']);
  });

  it('refuses a time that is not HH:mm and a start of 24:00', () => {
    expect(problemsOf({ ...valid, hours: { mon: [['9:00', '17:00']], tue: [['24:00', '24:00']], wed: [['09:00', '17:60']] } })).toEqual([
      'hours.mon[0][0]: use HH:mm from 00:00 to 23:59, like 09:00',
      'hours.tue[0][0]: use HH:mm from 00:00 to 23:59, like 09:00',
      'hours.wed[0][1]: use HH:mm from 00:01 to 24:00, like 17:00',
    ]);
  });

  it('refuses an interval that ends before it starts, with a hint for night shifts', () => {
    expect(problemsOf({ ...valid, hours: { mon: [['22:00', '06:00']] } })).toEqual([
      'hours.mon[0]: starts at 22:00 but ends at 06:00; the start must be before the end (split a night shift at 24:00 into two days)',
    ]);
  });

  it('refuses an empty interval', () => {
    expect(problemsOf({ ...valid, hours: { mon: [['09:00', '09:00']] } })).toHaveLength(1);
  });

  it('refuses intervals that overlap or are out of order, naming the later one', () => {
    expect(
      problemsOf({
        ...valid,
        hours: {
          mon: [
            ['13:00', '17:00'],
            ['09:00', '12:00'],
          ],
        },
      }),
    ).toEqual(['hours.mon[1]: starts at 09:00, before the previous interval ends at 17:00; sort the intervals and make them not overlap']);
    expect(
      problemsOf({
        ...valid,
        hours: {
          tue: [
            ['09:00', '12:30'],
            ['12:00', '17:00'],
          ],
        },
      }),
    ).toEqual(['hours.tue[1]: starts at 12:00, before the previous interval ends at 12:30; sort the intervals and make them not overlap']);
  });

  it('accepts intervals that touch', () => {
    expect(
      calendarSchema.safeParse({
        ...valid,
        hours: {
          mon: [
            ['09:00', '12:00'],
            ['12:00', '17:00'],
          ],
        },
      }).success,
    ).toBe(true);
  });

  it('refuses hours with no working time at all', () => {
    expect(problemsOf({ ...valid, hours: { mon: [], sun: [] } })).toEqual(["hours: the calendar has no working hours; give at least one day an interval like [['09:00', '17:00']] or use '24x7'"]);
  });

  it('names a misspelt weekday', () => {
    expect(problemsOf({ ...valid, hours: { monday: [['09:00', '17:00']], tue: [['09:00', '17:00']] } })).toEqual(['hours: unknown weekday monday; use mon, tue, wed, thu, fri, sat or sun']);
  });

  it('refuses hours that are neither 24x7 nor weekdays', () => {
    expect(problemsOf({ ...valid, hours: '24x5' })).toEqual(["hours: use '24x7' or an object of weekdays (mon..sun) with intervals like [['09:00', '17:00']]"]);
  });

  it('refuses a holiday date that is not on the calendar', () => {
    expect(problemsOf({ ...valid, holidays: { dates: ['2026-02-29', '24.12.2026'] } })).toEqual([
      'holidays.dates[0]: 2026-02-29 is not a calendar date; use a real date as YYYY-MM-DD, like 2026-12-24',
      'holidays.dates[1]: use a date as YYYY-MM-DD, like 2026-12-24',
    ]);
  });

  it('refuses an unknown country and leaves its state alone', () => {
    expect(problemsOf({ ...valid, holidays: { country: 'XX', state: 'BY' } })).toEqual(['holidays.country: XX is not a known country; use an ISO 3166-1 code in upper case, like DE or US']);
    expect(problemsOf({ ...valid, holidays: { country: 'de' } })).toHaveLength(1);
  });

  it('refuses a state of another country and lists the known ones', () => {
    expect(problemsOf({ ...valid, holidays: { country: 'DE', state: 'CA' } })).toEqual(['holidays.state: CA is not a state of DE; use one of: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH']);
  });

  it('refuses a state without a country', () => {
    expect(problemsOf({ ...valid, holidays: { state: 'BY' } })).toEqual(['holidays.state: a state needs a country; set country too, like DE with state BY']);
  });

  it('names each wrong type inside weekday hours', () => {
    expect(problemsOf({ ...valid, hours: { mon: [[9, '17:00']], tue: '09:00-17:00' } })).toEqual([
      "hours: mon[0][0]: use HH:mm from 00:00 to 23:59, like 09:00; tue: use a list of intervals like [['09:00', '12:00'], ['13:00', '17:00']]",
    ]);
  });

  it('names unknown keys', () => {
    expect(problemsOf({ ...valid, zone: 'UTC' })).toEqual(['(root): unknown key zone; use id, timeZone, hours or holidays']);
    expect(problemsOf({ ...valid, holidays: { region: 'BY' } })).toEqual(['holidays: unknown key region; use dates, country or state']);
  });
});
