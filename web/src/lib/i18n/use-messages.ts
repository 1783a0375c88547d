import { useLocalizedStringFormatter } from 'react-aria';
import type { LocalizedString } from '@internationalized/string';
import type { Language } from './define-messages';

/**
 * The texts of one catalogue part in the person's language (React Aria's formatter: the closest
 * language, plural rules and number formats of the locale).
 */
export function useMessages<K extends string>(messages: { [L in Language]: Record<K, LocalizedString> }) {
  return useLocalizedStringFormatter<K, LocalizedString>(messages);
}
