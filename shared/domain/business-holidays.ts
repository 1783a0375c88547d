import Holidays, { type HolidaysTypes } from 'date-holidays';
import { DateTime } from 'luxon';
import type { CalendarHolidays } from '../config/calendar-schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Tells whether a local date (YYYY-MM-DD) is a whole day off. */
export type HolidayCheck = (date: string) => boolean;

/**
 * The days off of a calendar: its explicit dates, plus the public holidays of its country (and
 * state) from date-holidays, computed per year on first use and kept. Half-day holidays count as
 * whole days off.
 */
export function createHolidayCheck(holidays: CalendarHolidays | undefined): HolidayCheck {
  const explicit = new Set(holidays?.dates ?? []);
  const country = holidays?.country;
  if (country === undefined) return (date) => explicit.has(date);
  const isPublicHoliday = publicHolidayCheck(country, holidays?.state);
  return (date) => explicit.has(date) || isPublicHoliday(date);
}

// Calendars of the same country and state share one lookup and its years.
const publicHolidayChecks = new Map<string, HolidayCheck>();

function publicHolidayCheck(country: string, state: string | undefined): HolidayCheck {
  const key = `${country}/${state ?? ''}`;
  const known = publicHolidayChecks.get(key);
  if (known) return known;
  const lookup = state === undefined ? new Holidays(country, { types: ['public'] }) : new Holidays(country, state, { types: ['public'] });
  const daysByYear = new Map<number, ReadonlySet<string>>();
  const daysStartingIn = (year: number): ReadonlySet<string> => {
    let days = daysByYear.get(year);
    if (!days) {
      days = new Set(lookup.getHolidays(year).filter((holiday) => holiday.type === 'public').flatMap(daysOf));
      daysByYear.set(year, days);
    }
    return days;
  };
  const check: HolidayCheck = (date) => {
    const year = Number(date.slice(0, 4));
    // A holiday of several days that starts late in December reaches into the next year.
    return daysStartingIn(year).has(date) || daysStartingIn(year - 1).has(date);
  };
  publicHolidayChecks.set(key, check);
  return check;
}

/** The local dates a holiday touches; `date` is local ("YYYY-MM-DD hh:mm:ss"), start and end are instants. */
function daysOf(holiday: HolidaysTypes.Holiday): string[] {
  const first = DateTime.fromISO(holiday.date.slice(0, 10), { zone: 'utc' });
  const startInDay = DateTime.fromISO(`1970-01-01T${holiday.date.slice(11, 19)}`, { zone: 'utc' }).toMillis();
  // Rounding absorbs the hour a DST change adds to or takes from a holiday.
  const count = Math.max(1, Math.round((startInDay + holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
  return Array.from({ length: count }, (_, index) => first.plus({ days: index }).toISODate()!);
}
