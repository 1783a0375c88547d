import type { CalendarHolidays } from '../config/calendar-schema.ts';
import { holidayKey, publicHolidayDays } from './public-holidays.ts';

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
  const key = holidayKey(country, state);
  const known = publicHolidayChecks.get(key);
  if (known) return known;
  const daysByYear = new Map<number, ReadonlySet<string>>();
  const daysStartingIn = (year: number): ReadonlySet<string> => {
    let days = daysByYear.get(year);
    if (!days) {
      days = new Set(publicHolidayDays(country, state, year));
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
