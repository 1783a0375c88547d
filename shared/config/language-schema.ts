import * as z from 'zod';

/** The languages the built-in notification templates and approval pages are written in. */
export const BUILT_IN_LANGUAGES = ['en', 'de'] as const;

/** What mail and pages are written in when nothing else says: English. */
export const FALLBACK_LANGUAGE = 'en';

/** A language as ISO 639-1 names it, lower case: en, de, fr. */
export const languageCodeSchema = z.string().regex(/^[a-z]{2}$/, 'use a two-letter ISO 639-1 language code in lower case, like en or de');
