import { defineMessages } from '../lib/i18n/define-messages';

/** The texts of the "Keyboard shortcuts" dialog. */
export const keyboardShortcutsMessages = defineMessages({
  'en-US': {
    'shortcuts.title': 'Keyboard shortcuts',
    'shortcuts.help': 'Show the keyboard shortcuts',
    'shortcuts.then': 'then',
    'shortcuts.close': 'Close',
  },
  'de-DE': {
    'shortcuts.title': 'Tastenkürzel',
    'shortcuts.help': 'Die Tastenkürzel zeigen',
    'shortcuts.then': 'dann',
    'shortcuts.close': 'Schließen',
  },
});
