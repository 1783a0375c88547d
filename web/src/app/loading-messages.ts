import { defineMessages } from '../lib/i18n/define-messages';

/**
 * The one text shown before the shell's chunk is there (while its loader runs). It is part of the
 * first page's JavaScript, so the shell's other texts stay in the shell's own chunk.
 */
export const loadingMessages = defineMessages({
  'en-US': { loading: 'Loading…' },
  'de-DE': { loading: 'Wird geladen …' },
});
