/** The languages the built-in notification templates and approval pages are written in. */
export const BUILT_IN_LANGUAGES = ['en', 'de'] as const;

/** What mail and pages are written in when nothing else says: English. */
export const FALLBACK_LANGUAGE = 'en';

/** The languages the desk can write in: the built-in ones and those the configuration gives templates for. */
export function templateLanguages(templates: Readonly<Record<string, unknown>> | undefined): string[] {
  return [...new Set([...BUILT_IN_LANGUAGES, ...Object.keys(templates ?? {})])];
}
