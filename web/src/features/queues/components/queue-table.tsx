import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { BusyButton } from '../../../components/busy-button';
import { Icon } from '../../../components/icon';
import { LiveStatus } from '../../../components/live-status';
import { SlaBadge } from '../../../components/sla/sla-badge';
import { TicketStatusBadge } from '../../../components/ticket-status-badge';
import type { QueueRow } from '../api/list-queue';
import { useDuration } from '../../../lib/i18n/use-duration';
import { useMessages } from '../../../lib/i18n/use-messages';
import { useMorePages } from '../../../lib/paging/use-more-pages';
import { useNow } from '../../../lib/time/use-now';
import { queueHref, type QueueFilters } from '../queue-filters';
import { queuesMessages } from '../messages';

type Ticket = QueueRow;

const COLUMNS = ['key', 'subject', 'requester', 'status', 'priority', 'assignee', 'age', 'sla'] as const;
type ColumnId = (typeof COLUMNS)[number];

/**
 * The queue as a table in the API's order, each row a link to the ticket (Enter opens it); "Show
 * more" adds the API's next page below. On narrow screens each row is a card.
 */
export function QueueTable({ first, filters, labelledBy }: { first: { items: Ticket[]; nextCursor?: string | undefined }; filters: QueueFilters; labelledBy: string }) {
  const t = useMessages(queuesMessages);
  const { pathname, search } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const onAdded = useCallback((count: number) => setAnnouncement(t.format('list.moreShown', { count })), [t]);
  const more = useMorePages(first, onAdded);
  const cursor = more.nextCursor;
  // The ticket view's way back is this queue, as it was filtered.
  const back = { state: { queue: `${pathname}${search}` } };

  if (more.items.length === 0) {
    return (
      <div className="queue-empty">
        <p>{t.format('list.empty')}</p>
      </div>
    );
  }

  return (
    <>
      <Table className="queue-table" aria-labelledby={labelledBy}>
        <TableHeader>
          {COLUMNS.map((column) => (
            <Column key={column} id={column} isRowHeader={column === 'key' || column === 'subject'} className={`queue-column queue-column-${column}`}>
              {t.format(`column.${column}`)}
            </Column>
          ))}
        </TableHeader>
        <TableBody items={more.items}>
          {(ticket) => (
            <Row id={ticket.key} href={`/console/tickets/${encodeURIComponent(ticket.key)}`} routerOptions={back} className="queue-row" textValue={`${ticket.key} ${ticket.subject}`}>
              {COLUMNS.map((column) => (
                <Cell key={column} className={`queue-cell queue-cell-${column}`}>
                  <span className="cell-label" aria-hidden="true">
                    {t.format(`column.${column}`)}
                  </span>
                  <CellValue ticket={ticket} column={column} />
                </Cell>
              ))}
            </Row>
          )}
        </TableBody>
      </Table>
      {more.failed ? (
        <p className="alert" role="alert">
          {t.format('list.moreFailed')}
        </p>
      ) : null}
      {cursor ? (
        <BusyButton className="button queue-show-more" isBusy={more.loading} onPress={() => more.load(queueHref(filters, cursor))}>
          {more.loading ? t.format('list.loadingMore') : t.format('list.showMore')}
        </BusyButton>
      ) : null}
      <LiveStatus message={announcement} />
    </>
  );
}

function CellValue({ ticket, column }: { ticket: Ticket; column: ColumnId }) {
  const t = useMessages(queuesMessages);
  switch (column) {
    case 'key':
      return <span className="queue-key">{ticket.key}</span>;
    case 'subject':
      return <span className="queue-subject">{ticket.subject}</span>;
    case 'requester':
      return (
        <span className="queue-requester">
          {ticket.requester.name ?? ticket.requester.email}
          {ticket.requester.vip ? (
            <span className="vip-mark">
              <Icon name="star" />
              {t.format('row.vip')}
            </span>
          ) : null}
        </span>
      );
    case 'status':
      return <TicketStatusBadge status={ticket.status} />;
    case 'priority':
      return (
        <span className="priority" data-priority={ticket.priority}>
          {ticket.priority}
        </span>
      );
    case 'assignee':
      return ticket.assignee ? <span className="queue-assignee">{ticket.assignee}</span> : <span className="muted">{t.format('row.unassigned')}</span>;
    case 'age':
      return <Age since={ticket.createdAt} />;
    case 'sla':
      return <SlaBadge clocks={ticket.sla?.clocks} receivedAt={ticket.receivedAt} />;
  }
}

/** How long the ticket has been open, moving on with the page's clock. */
function Age({ since }: { since: string }) {
  const now = useNow();
  const duration = useDuration();
  return <span className="queue-age">{duration((now.getTime() - Date.parse(since)) / 60_000)}</span>;
}
