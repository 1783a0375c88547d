import { type CalendarConfigInput, calendarSchema } from '../../../shared/config/calendar-schema.ts';
import { type BusinessCalendar, createBusinessCalendar } from '../../../shared/domain/business-calendar.ts';

type Hours = CalendarConfigInput['hours'];
type WeeklyHours = Exclude<Hours, '24x7'>;
type Holidays = CalendarConfigInput['holidays'];

const NINE_TO_FIVE: [string, string][] = [['09:00', '17:00']];

/** Monday to Friday, 09:00-17:00. */
export const OFFICE_HOURS: WeeklyHours = { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE };

/** Every day of the week, 09:00-17:00. */
export const EVERY_DAY: WeeklyHours = { ...OFFICE_HOURS, sat: NINE_TO_FIVE, sun: NINE_TO_FIVE };

/** A calendar parsed through the config schema, as the service builds it. */
export function calendar(timeZone: string, hours: Hours, holidays?: Holidays): BusinessCalendar {
  return createBusinessCalendar(calendarSchema.parse({ id: 'test', timeZone, hours, ...(holidays ? { holidays } : {}) }));
}

/** An instant from an ISO string with an explicit offset, so no test depends on the machine's zone. */
export function at(iso: string): Date {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(iso)) throw new Error(`give ${iso} an offset`);
  return new Date(iso);
}
