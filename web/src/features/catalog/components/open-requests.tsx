import { Link } from 'react-router';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket } from '../api/catalog';
import { catalogMessages } from '../messages';

/** A short list of the person's active requests, each linking to its page. */
export function OpenRequests({ tickets }: { tickets: readonly Ticket[] | null }) {
  const t = useMessages(catalogMessages);
  const { dateTime } = useDateTime();
  return (
    <div className="open-requests panel">
      <h2 id="open-requests-title">{t.format('openRequests')}</h2>
      {tickets === null ? (
        <p>{t.format('openRequestsFailed')}</p>
      ) : tickets.length === 0 ? (
        <p>{t.format('noOpenRequests')}</p>
      ) : (
        <ul className="open-request-list">
          {tickets.map((ticket) => (
            <li key={ticket.key}>
              <Link to={`/requests/${encodeURIComponent(ticket.key)}`}>
                <span className="ticket-key">{ticket.key}</span> {ticket.subject}
              </Link>
              <span className="open-request-meta">
                <span className={`status status-${ticket.status}`}>{t.format(`status_${ticket.status}`)}</span>
                <span>{t.format('updated', { date: dateTime(ticket.updatedAt) })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="see-all">
        <Link to="/requests">{t.format('seeAll')}</Link>
      </p>
    </div>
  );
}
