import { Duration } from 'luxon';
import * as z from 'zod';

const SHORT = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?$/;

/**
 * Parses a target duration to minutes: `30m`, `4h`, `2h30m`, `1d` (24 hours of counted time) or
 * ISO-8601 (`PT4H`). Undefined when the text is neither.
 */
export function durationMinutes(text: string): number | undefined {
  const short = SHORT.exec(text.trim());
  if (short && text.trim() !== '') {
    const [, days = '0', hours = '0', minutes = '0'] = short;
    return Number(days) * 1440 + Number(hours) * 60 + Number(minutes);
  }
  const iso = Duration.fromISO(text.trim());
  return iso.isValid ? iso.as('minutes') : undefined;
}

/** A positive duration in the config file, as minutes. */
export const durationSchema = z.string().transform((text, ctx) => {
  const minutes = durationMinutes(text);
  if (minutes === undefined || !(minutes > 0)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration; write e.g. 30m, 4h, 2h30m or PT8H` });
    return z.NEVER;
  }
  return minutes;
});
