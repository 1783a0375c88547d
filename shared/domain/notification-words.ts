import type { TicketStatus } from './ticket-status.ts';
import type { SlaMetric } from './sla-timer.ts';

/** The words notifications put into templates (`ticket.status`, `sla.what`), in one language. */
export interface NotificationWords {
  statuses: Record<TicketStatus, string>;
  metrics: Record<SlaMetric, string>;
  breached: (metric: string) => string;
  atPercent: (metric: string, percent: number) => string;
}

const ENGLISH: NotificationWords = {
  statuses: {
    pending_approval: 'waiting for approval',
    new: 'new',
    open: 'being worked on',
    pending: 'waiting for your answer',
    on_hold: 'on hold',
    resolved: 'resolved',
    closed: 'closed',
  },
  metrics: { first_response: 'first response', next_response: 'next response', resolution: 'resolution' },
  breached: (metric) => `${metric} target breached`,
  atPercent: (metric, percent) => `${metric} at ${percent}% of its target`,
};

const GERMAN: NotificationWords = {
  statuses: {
    pending_approval: 'wartet auf Genehmigung',
    new: 'neu',
    open: 'in Bearbeitung',
    pending: 'wartet auf Ihre Antwort',
    on_hold: 'zurückgestellt',
    resolved: 'gelöst',
    closed: 'geschlossen',
  },
  metrics: { first_response: 'Erste Antwort', next_response: 'Nächste Antwort', resolution: 'Lösung' },
  breached: (metric) => `${metric}: Ziel überschritten`,
  atPercent: (metric, percent) => `${metric} bei ${percent} % des Ziels`,
};

/** The words in a language; languages without built-in words (configured ones) take the English words. */
export function notificationWords(language: string): NotificationWords {
  return language === 'de' ? GERMAN : ENGLISH;
}
