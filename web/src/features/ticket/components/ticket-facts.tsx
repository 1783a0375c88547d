import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TicketStatusBadge } from '../../../components/ticket-status-badge';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { CatalogNode, Ticket } from '../api/ticket-api';
import { ticketMessages } from '../messages';

/** A desk's queue, or one level of it, as the console's queue screen reads its link. */
const queueLink = (desk: string, level?: string) => `/console?${new URLSearchParams(level ? { desk, level } : { desk })}`;

/** What the ticket is and where it stands: the header's description list under the h1. */
export function TicketFacts({ ticket, item }: { ticket: Ticket; item: CatalogNode | undefined }) {
  const t = useMessages(ticketMessages);
  const { dateTime } = useDateTime();
  return (
    <dl className="ticket-facts">
      <Fact name={t.format('field.status')}>
        <TicketStatusBadge status={ticket.status} />
      </Fact>
      {ticket.waitingOn ? <Fact name={t.format('field.waitingOn')}>{t.format(`waiting.${ticket.waitingOn}`)}</Fact> : null}
      <Fact name={t.format('field.priority')}>
        <span className="priority" data-priority={ticket.priority}>
          {ticket.priority}
        </span>
      </Fact>
      <Fact name={t.format('field.type')}>{t.format(`type.${ticket.type}`)}</Fact>
      <Fact name={t.format('field.desk')}>
        <Link to={queueLink(ticket.desk)} aria-label={t.format('desk.queue', { desk: ticket.desk })}>
          {ticket.desk}
        </Link>
      </Fact>
      <Fact name={t.format('field.level')}>
        <Link to={queueLink(ticket.desk, ticket.level)} aria-label={t.format('level.queue', { desk: ticket.desk, level: ticket.level })}>
          {ticket.level}
        </Link>
      </Fact>
      <Fact name={t.format('field.assignee')}>{ticket.assignee ?? <span className="muted">{t.format('assignee.none')}</span>}</Fact>
      <Fact name={t.format('field.channel')}>{t.format(`channel.${ticket.channel}`)}</Fact>
      {ticket.catalogItem ? <Fact name={t.format('field.item')}>{item?.name ?? ticket.catalogItem}</Fact> : null}
      <Fact name={t.format('field.opened')}>
        <time dateTime={ticket.createdAt}>{dateTime(ticket.createdAt)}</time>
      </Fact>
      <Fact name={t.format('field.updated')}>
        <time dateTime={ticket.updatedAt}>{dateTime(ticket.updatedAt)}</time>
      </Fact>
      {ticket.tags.length > 0 ? <Fact name={t.format('field.tags')}>{ticket.tags.join(', ')}</Fact> : null}
    </dl>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}
