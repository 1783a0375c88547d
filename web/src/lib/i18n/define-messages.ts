import type { LocalizedString } from '@internationalized/string';

/** The languages every text of the app exists in; the first is the fallback for any other locale. */
export const LANGUAGES = ['en-US', 'de-DE'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One part of the message catalogue (a feature's texts), in every language. The type makes a
 * missing German text a compile error; texts with variables are functions of them.
 */
export function defineMessages<K extends string>(messages: { [L in Language]: Record<K, LocalizedString> }) {
  return messages;
}
