import { useLocale } from 'react-aria';

export type DurationUnit = 'day' | 'hour' | 'minute';

/**
 * A span of minutes as its two largest units, rounded to whole minutes: 0-59 minutes, then hours
 * and minutes, from a day on days and hours ("1 day 3 hr", "2 hr 15 min", "45 min").
 */
export function durationParts(minutes: number): { unit: DurationUnit; value: number }[] {
  const total = Math.max(0, Math.round(Math.abs(minutes)));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0)
    return hours > 0
      ? [
          { unit: 'day', value: days },
          { unit: 'hour', value: hours },
        ]
      : [{ unit: 'day', value: days }];
  if (hours > 0)
    return rest > 0
      ? [
          { unit: 'hour', value: hours },
          { unit: 'minute', value: rest },
        ]
      : [{ unit: 'hour', value: hours }];
  return [{ unit: 'minute', value: rest }];
}

// One formatter per locale for the whole app: a queue shows two durations a row, and Intl's formats are costly to make.
const formatters = new Map<string, (minutes: number) => string>();

function durationFormatter(locale: string): (minutes: number) => string {
  let format = formatters.get(locale);
  if (!format) {
    const units = new Map((['day', 'hour', 'minute'] as const).map((unit) => [unit, new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' })]));
    format = (minutes: number) =>
      durationParts(minutes)
        .map((part) => units.get(part.unit)!.format(part.value))
        .join(' ');
    formatters.set(locale, format);
  }
  return format;
}

/** Spans of time in the person's locale, by the size of the span (always positive: callers say "left" or "overdue"). */
export function useDuration(): (minutes: number) => string {
  const { locale } = useLocale();
  return durationFormatter(locale);
}
