import { useId } from 'react';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { HistoryEvent } from '../api/ticket-api';
import { ticketMessages } from '../messages';

/** A date and time as the API writes them (firstResponseAt, resolvedAt), shown in the person's locale. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export type TicketHistory = { ok: true; items: HistoryEvent[]; more: boolean } | { ok: false };

/** The ticket's audit log as a timeline, oldest first: who did what, when, and each field's move from and to. */
export function HistoryTimeline({ history }: { history: TicketHistory }) {
  const t = useMessages(ticketMessages);
  const headingId = useId();
  return (
    <section className="ticket-panel ticket-history" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('history.heading')}</h2>
      {!history.ok ? (
        <p className="muted" role="status">
          {t.format('history.failed')}
        </p>
      ) : history.items.length === 0 ? (
        <p className="muted">{t.format('history.empty')}</p>
      ) : (
        <>
          <ol className="timeline" aria-labelledby={headingId}>
            {history.items.map((event) => (
              <HistoryItem key={event.id} event={event} />
            ))}
          </ol>
          {history.more ? <p className="muted">{t.format('history.more', { count: history.items.length })}</p> : null}
        </>
      )}
    </section>
  );
}

function HistoryItem({ event }: { event: HistoryEvent }) {
  const t = useMessages(ticketMessages);
  const { dateTime } = useDateTime();
  const name = event.actor.name ?? event.actor.id;
  const actor = event.actor.kind === 'system' ? t.format('history.system') : event.actor.kind === 'client' ? t.format('history.client', { name }) : name;
  const value = (shown: unknown): string => {
    if (typeof shown === 'string' && ISO_INSTANT.test(shown)) return dateTime(shown);
    if (shown === null || shown === undefined || shown === '' || (Array.isArray(shown) && shown.length === 0)) return t.format('history.none');
    if (typeof shown === 'boolean') return t.format(shown ? 'history.yes' : 'history.no');
    if (Array.isArray(shown)) return shown.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
    if (typeof shown === 'object') return JSON.stringify(shown);
    return String(shown);
  };
  return (
    <li className="timeline-event" data-action={event.action}>
      <p className="timeline-summary">
        <span className="timeline-actor">{actor}</span> {t.format(`action.${event.action}`)}{' '}
        <time className="muted" dateTime={event.at}>
          {dateTime(event.at)}
        </time>
      </p>
      {event.detail ? <p className="timeline-detail">{event.detail}</p> : null}
      {event.changes.length > 0 ? (
        <ul className="timeline-changes">
          {event.changes.map((change) => (
            <li key={change.field}>
              <span className="change-field">{change.field}</span>: <span className="visually-hidden">{t.format('history.from')} </span>
              <span className="change-from">{value(change.from)}</span> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t.format('history.to')}</span> <span className="change-to">{value(change.to)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
