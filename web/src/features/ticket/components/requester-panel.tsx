import { Suspense, useId } from 'react';
import { Await, Link } from 'react-router';
import { Icon } from '../../../components/icon';
import { TicketStatusBadge } from '../../../components/ticket-status-badge';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket } from '../api/ticket-api';
import { ticketMessages } from '../messages';

export type RequesterTickets = { ok: true; items: Ticket[] } | { ok: false };

/** Who asked, and their latest tickets as the API lists them (this one among them, marked), once they have been read. */
export function RequesterPanel({ ticket, around }: { ticket: Ticket; around: Promise<{ requesterTickets: RequesterTickets }> }) {
  const t = useMessages(ticketMessages);
  const headingId = useId();
  const listId = useId();
  const { requester } = ticket;
  return (
    <section className="ticket-panel requester-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('requester.heading')}</h2>
      <dl className="requester-facts">
        <div>
          <dt>{t.format('requester.name')}</dt>
          <dd>
            {requester.name ?? requester.email}
            {requester.vip ? (
              <span className="vip-mark">
                <Icon name="star" />
                {t.format('requester.vip')}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t.format('requester.email')}</dt>
          <dd>{requester.email}</dd>
        </div>
        {requester.organisation ? (
          <div>
            <dt>{t.format('requester.organisation')}</dt>
            <dd>{requester.organisation}</dd>
          </div>
        ) : null}
        {requester.location ? (
          <div>
            <dt>{t.format('requester.location')}</dt>
            <dd>{requester.location}</dd>
          </div>
        ) : null}
      </dl>
      {requester.unmailable ? <p className="note">{t.format('requester.unmailable', { reason: requester.unmailable })}</p> : null}

      <h3 id={listId}>{t.format('requester.tickets')}</h3>
      <Suspense
        fallback={
          <p className="muted" role="status">
            {t.format('requester.ticketsLoading')}
          </p>
        }
      >
        <Await resolve={around}>{({ requesterTickets }: { requesterTickets: RequesterTickets }) => <TheirTickets ticket={ticket} tickets={requesterTickets} listId={listId} />}</Await>
      </Suspense>
    </section>
  );
}

/** The requester's latest tickets, or why they are missing. */
function TheirTickets({ ticket, tickets, listId }: { ticket: Ticket; tickets: RequesterTickets; listId: string }) {
  const t = useMessages(ticketMessages);
  const { requester } = ticket;
  return tickets.ok ? (
    <>
      <ul className="requester-tickets" aria-labelledby={listId}>
        {tickets.items.map((other) => (
          <li key={other.key}>
            <Link to={`/console/tickets/${encodeURIComponent(other.key)}`} aria-current={other.key === ticket.key ? 'page' : undefined}>
              <span className="ticket-view-key">{other.key}</span> {other.subject}
            </Link>{' '}
            <TicketStatusBadge status={other.status} />
            {other.key === ticket.key ? <span className="muted"> {t.format('requester.thisTicket')}</span> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/console?${new URLSearchParams({ requester: requester.email, status: 'all' })}`}>{t.format('requester.allTickets')}</Link>
      </p>
    </>
  ) : (
    <p className="muted" role="status">
      {t.format('requester.ticketsFailed')}
    </p>
  );
}
