import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import { dayNumberOf, isoDateOf } from './business-days.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Public holidays, by `COUNTRY/STATE` and year, worked out when the functions were built: the
 * holiday library (with its time-zone and astronomy data, about 1.4 MB) stays out of the Lambda
 * bundles, where it would slow every cold start. The build replaces this expression with the data.
 */
const BUILT_IN: Record<string, Record<string, string[]>> = JSON.parse(process.env.SERVICEDESK_PUBLIC_HOLIDAYS ?? '{}');

let library: typeof HolidaysClass | null | undefined;

/** The holiday library where it is installed (development, CDK synth); null inside a Lambda bundle. */
export function holidayLibrary(): typeof HolidaysClass | null {
  if (library === undefined) {
    try {
      library = createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
    } catch {
      library = null;
    }
  }
  return library;
}

/** The local dates (YYYY-MM-DD) of the public holidays that start in a year. */
export function publicHolidayDays(country: string, state: string | undefined, year: number): string[] {
  const built = BUILT_IN[holidayKey(country, state)]?.[String(year)];
  if (built) return built;
  const Holidays = holidayLibrary();
  if (!Holidays) throw new Error(`Public holidays of ${holidayKey(country, state)} in ${year} were not built in; redeploy to extend the years`);
  const lookup = state === undefined ? new Holidays(country, { types: ['public'] }) : new Holidays(country, state, { types: ['public'] });
  return lookup
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .flatMap(daysOf);
}

export const holidayKey = (country: string, state: string | undefined): string => `${country}/${state ?? ''}`;

/** The data the build puts in place of SERVICEDESK_PUBLIC_HOLIDAYS, for the given calendars and years. */
export function buildPublicHolidays(places: { country: string; state?: string }[], years: number[]): string {
  const data: Record<string, Record<string, string[]>> = {};
  for (const { country, state } of places) {
    data[holidayKey(country, state)] = Object.fromEntries(years.map((year) => [String(year), publicHolidayDays(country, state, year)]));
  }
  return JSON.stringify(data);
}

/** The local dates a holiday touches; `date` is local ("YYYY-MM-DD hh:mm:ss"), start and end are instants. */
function daysOf(holiday: HolidaysTypes.Holiday): string[] {
  const first = dayNumberOf(holiday.date.slice(0, 10));
  const startInDay = Date.parse(`1970-01-01T${holiday.date.slice(11, 19) || '00:00:00'}Z`);
  // Rounding absorbs the hour a DST change adds to or takes from a holiday.
  const count = Math.max(1, Math.round((startInDay + holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
  return Array.from({ length: count }, (_, index) => isoDateOf(first + index));
}
