import { defineMessages } from '../lib/i18n/define-messages';

/** The texts of the shared components: files and form answers. */
export const componentMessages = defineMessages({
  'en-US': {
    'files.heading': 'Files',
    'files.download': (args = {}) => `Download ${args.name}`,
    'files.downloadFailed': 'The file could not be fetched. Try again.',
    'files.notStored': (args = {}) => `${args.name} (not kept: ${args.reason})`,
    'answers.none': 'Not given',
    'answers.yes': 'Yes',
    'answers.no': 'No',
  },
  'de-DE': {
    'files.heading': 'Dateien',
    'files.download': (args = {}) => `${args.name} herunterladen`,
    'files.downloadFailed': 'Die Datei konnte nicht abgerufen werden. Versuchen Sie es erneut.',
    'files.notStored': (args = {}) => `${args.name} (nicht gespeichert: ${args.reason})`,
    'answers.none': 'Keine Angabe',
    'answers.yes': 'Ja',
    'answers.no': 'Nein',
  },
});
