import { DateTime, IANAZone } from 'luxon';
import * as z from 'zod';
import { holidayLibrary } from '../domain/public-holidays.ts';
import { formatPath } from './config-error.ts';
import { idSchema } from './config-primitives.ts';
import { minuteOfDay, WEEKDAYS } from './weekdays.ts';

// One lookup instance for validation. Inside a Lambda bundle the library is left out: the
// configuration was validated with it when the functions were built, so names are trusted there.
let holidayLookup: InstanceType<NonNullable<ReturnType<typeof holidayLibrary>>> | null | undefined;
function holidays() {
  if (holidayLookup === undefined) {
    const Holidays = holidayLibrary();
    holidayLookup = Holidays ? new Holidays() : null;
  }
  return holidayLookup;
}

function isKnownCountry(country: string): boolean {
  const lookup = holidays();
  return /^[A-Z]{2}$/.test(country) && (!lookup || country in lookup.getCountries());
}

/** An error map that names unknown keys of a strict object and the keys it knows. */
function unknownKeys(what: string, known: string): z.core.$ZodErrorMap {
  return (issue) => (issue.code === 'unrecognized_keys' ? `unknown ${what} ${issue.keys.join(', ')}; use ${known}` : undefined);
}

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// An interval may run to the end of the day, so `24:00` is a valid end but not a valid start.
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const START_HINT = 'use HH:mm from 00:00 to 23:59, like 09:00';
const END_HINT = 'use HH:mm from 00:01 to 24:00, like 17:00';
const startTimeSchema = z.string({ error: START_HINT }).regex(START_TIME, START_HINT);
const endTimeSchema = z.string({ error: END_HINT }).regex(END_TIME, END_HINT);

/** One working interval of a day, `[start, end)` in wall-clock time of the calendar's zone. */
export const workingIntervalSchema = z
  .tuple([startTimeSchema, endTimeSchema], { error: "use a pair of times like ['09:00', '17:00']" })
  .refine(([start, end]) => !START_TIME.test(start) || !END_TIME.test(end) || minuteOfDay(start) < minuteOfDay(end), {
    error: (issue) => {
      const [start, end] = issue.input as [string, string];
      return `starts at ${start} but ends at ${end}; the start must be before the end (split a night shift at 24:00 into two days)`;
    },
  });

/** The working intervals of one weekday: sorted, not overlapping; empty means closed. */
export const dayHoursSchema = z.array(workingIntervalSchema, { error: "use a list of intervals like [['09:00', '12:00'], ['13:00', '17:00']]" }).superRefine((intervals, ctx) => {
  for (let index = 1; index < intervals.length; index++) {
    const [, previousEnd] = intervals[index - 1]!;
    const [start] = intervals[index]!;
    if (START_TIME.test(start) && END_TIME.test(previousEnd) && minuteOfDay(start) < minuteOfDay(previousEnd)) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `starts at ${start}, before the previous interval ends at ${previousEnd}; sort the intervals and make them not overlap`,
      });
    }
  }
});

const dayHours = (day: string) => dayHoursSchema.optional().describe(`${day}'s working intervals, like [['09:00', '12:00'], ['13:00', '17:00']]; left out or empty, the day is closed.`);

export const weeklyHoursSchema = z
  .strictObject(
    {
      mon: dayHours('Monday'),
      tue: dayHours('Tuesday'),
      wed: dayHours('Wednesday'),
      thu: dayHours('Thursday'),
      fri: dayHours('Friday'),
      sat: dayHours('Saturday'),
      sun: dayHours('Sunday'),
    },
    { error: unknownKeys('weekday', 'mon, tue, wed, thu, fri, sat or sun') },
  )
  .refine((week) => WEEKDAYS.some((day) => (week[day]?.length ?? 0) > 0), {
    message: "the calendar has no working hours; give at least one day an interval like [['09:00', '17:00']] or use '24x7'",
  });

const HOURS_HINT = "use '24x7' or an object of weekdays (mon..sun) with intervals like [['09:00', '17:00']]";

/** Working hours: round the clock, or per weekday; a weekday left out is closed. */
export const businessHoursSchema = z.union([z.literal('24x7'), weeklyHoursSchema], {
  // The union cannot tell which form was meant when an object has wrong types inside; report the weekday form's problems.
  error: (issue) => {
    if (issue.code !== 'invalid_union' || typeof issue.input !== 'object' || issue.input === null) return HOURS_HINT;
    const weekly = issue.errors[1] ?? [];
    return weekly.length > 0 ? weekly.map((problem) => `${formatPath(problem.path) || '(hours)'}: ${problem.message}`).join('; ') : HOURS_HINT;
  },
});

const isoDateSchema = z.string({ error: 'use a date as YYYY-MM-DD, like 2026-12-24' }).superRefine((date, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) ctx.addIssue({ code: 'custom', message: 'use a date as YYYY-MM-DD, like 2026-12-24' });
  else if (!DateTime.fromISO(date, { zone: 'utc' }).isValid) {
    ctx.addIssue({ code: 'custom', message: `${date} is not a calendar date; use a real date as YYYY-MM-DD, like 2026-12-24` });
  }
});

export const calendarHolidaysSchema = z
  .strictObject(
    {
      /** Extra whole days off, as local dates of the calendar's zone. */
      dates: z.array(isoDateSchema, { error: "use a list of dates like ['2026-12-24']" }).optional().describe("Extra whole days off as YYYY-MM-DD in the calendar's zone, like ['2026-12-24', '2026-12-31']."),
      /** ISO 3166-1 country code whose public holidays are days off, like DE. */
      country: z
        .string({ error: 'use an ISO 3166-1 country code in upper case, like DE or US' })
        .refine(isKnownCountry, {
          error: (issue) => `${String(issue.input)} is not a known country; use an ISO 3166-1 code in upper case, like DE or US`,
        })
        .optional()
        .describe('ISO 3166-1 code, upper case, of the country whose public holidays are days off, like DE; worked out with date-holidays when the functions are built, for last year to 15 years ahead.'),
      /** Region of the country whose public holidays also count, like BY for Bavaria. */
      state: z
        .string({ error: 'use the code of a state of the country, like BY for DE' })
        .optional()
        .describe('Code of a state of `country` whose public holidays count too, like BY (Bavaria) for DE; needs `country`.'),
    },
    { error: unknownKeys('key', 'dates, country or state') },
  )
  .superRefine((value, ctx) => {
    // An unknown country is reported on its own field; its states cannot be checked.
    if (value.state === undefined || (value.country !== undefined && !isKnownCountry(value.country))) return;
    if (value.country === undefined) {
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'a state needs a country; set country too, like DE with state BY' });
      return;
    }
    const lookup = holidays();
    if (!lookup) return;
    const states = lookup.getStates(value.country);
    if (states && value.state in states) return;
    const known = states ? Object.keys(states).join(', ') : 'none';
    ctx.addIssue({
      code: 'custom',
      path: ['state'],
      message: `${value.state} is not a state of ${value.country}; use one of: ${known}`,
    });
  });

/** A business-hours calendar: when the SLA clock runs. */
export const calendarSchema = z.strictObject(
  {
    id: idSchema.describe("The calendar's id, which `slaPolicies[].calendar` names; unique."),
    /** IANA zone whose wall clock the hours and holidays follow. */
    timeZone: z
      .string({ error: 'use an IANA time zone name like Europe/Berlin' })
      .refine((zone) => IANAZone.isValidZone(zone), {
        error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone; use a name like Europe/Berlin`,
      })
      .describe("IANA time zone whose wall clock the hours and holidays follow, like Europe/Berlin or UTC; DST is Luxon's."),
    hours: businessHoursSchema.describe(
      "When the SLA clock runs: '24x7' round the clock, or per weekday (mon..sun) a list of [start, end) intervals in HH:mm, sorted and not overlapping; a weekday left out is closed. Split a night shift at 24:00.",
    ),
    holidays: calendarHolidaysSchema.optional().describe('Days off on which the clock stops, though they fall on working days: explicit dates and public holidays.'),
  },
  { error: unknownKeys('key', 'id, timeZone, hours or holidays') },
);

export type CalendarConfigInput = z.input<typeof calendarSchema>;
export type CalendarConfig = z.output<typeof calendarSchema>;
export type BusinessHours = z.output<typeof businessHoursSchema>;
export type WeeklyHours = z.output<typeof weeklyHoursSchema>;
export type CalendarHolidays = z.output<typeof calendarHolidaysSchema>;
