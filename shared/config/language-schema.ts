import * as z from 'zod';

/** A language as ISO 639-1 names it, lower case: en, de, fr. */
export const languageCodeSchema = z.string().regex(/^[a-z]{2}$/, 'use a two-letter ISO 639-1 language code in lower case, like en or de');
