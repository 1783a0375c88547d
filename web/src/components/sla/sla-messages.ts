import { defineMessages } from '../../lib/i18n/define-messages';

/** The SLA badge's texts about business time: over the target, and standing still while the calendar is closed. */
export const slaMessages = defineMessages({
  'en-US': {
    over: (args = {}) => `${args.time} over`,
    resumes: (args = {}) => `Outside working hours: the time left stands still until ${args.at}.`,
    stopped: 'Outside working hours: the time left stands still until the next update.',
  },
  'de-DE': {
    over: (args = {}) => `${args.time} drüber`,
    resumes: (args = {}) => `Außerhalb der Arbeitszeit: Die verbleibende Zeit steht bis ${args.at} still.`,
    stopped: 'Außerhalb der Arbeitszeit: Die verbleibende Zeit steht bis zur nächsten Aktualisierung still.',
  },
});
