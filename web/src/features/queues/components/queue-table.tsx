import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';
import { Cell, Checkbox, Column, Row, Table, TableBody, TableHeader, type Selection } from 'react-aria-components';
import { BusyButton } from '../../../components/busy-button';
import { Icon } from '../../../components/icon';
import { LiveStatus } from '../../../components/live-status';
import { SlaBadge } from '../../../components/sla/sla-badge';
import { TicketStatusBadge } from '../../../components/ticket-status-badge';
import type { QueueRow } from '../api/list-queue';
import type { AgentChoice } from '../api/load-filter-choices';
import { BulkResultPanel, BulkToolbar } from './bulk-toolbar';
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
 * The queue as a table in the API's order, each row a link to the ticket (Enter opens it) with a
 * checkbox to select it (Space); the toolbar changes the selected tickets. "Show more" adds the
 * API's next page below. On narrow screens each row is a card.
 */
export function QueueTable({
  first,
  filters,
  labelledBy,
  agents,
}: {
  first: { items: Ticket[]; nextCursor?: string | undefined };
  filters: QueueFilters;
  labelledBy: string;
  agents: readonly AgentChoice[];
}) {
  const t = useMessages(queuesMessages);
  const { pathname, search } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const onAdded = useCallback((count: number) => setAnnouncement(t.format('list.moreShown', { count })), [t]);
  const more = useMorePages(first, onAdded);
  const cursor = more.nextCursor;
  const [selected, setSelected] = useState<Selection>(new Set());
  const chosen = more.items.filter((ticket) => selected === 'all' || selected.has(ticket.key));
  const targets = chosen.map((ticket) => ({ key: ticket.key, version: ticket.version, tags: ticket.tags }));
  // The ticket view's way back is this queue, as it was filtered.
  const back = { state: { queue: `${pathname}${search}` } };

  if (more.items.length === 0) {
    return (
      <>
        <BulkResultPanel />
        <div className="queue-empty">
          <p>{t.format('list.empty')}</p>
        </div>
      </>
    );
  }

  return (
    <>
      <BulkResultPanel />
      {targets.length > 0 ? <BulkToolbar targets={targets} agents={agents} onSent={() => setSelected(new Set())} /> : null}
      <Table className="queue-table" aria-labelledby={labelledBy} selectionMode="multiple" selectionBehavior="toggle" selectedKeys={selected} onSelectionChange={setSelected}>
        <TableHeader>
          <Column id="select" className="queue-column queue-column-select" aria-label={t.format('column.select')}>
            <Checkbox slot="selection" className="queue-checkbox">
              <CheckMark />
            </Checkbox>
          </Column>
          {COLUMNS.map((column) => (
            <Column key={column} id={column} isRowHeader={column === 'key' || column === 'subject'} className={`queue-column queue-column-${column}`}>
              {t.format(`column.${column}`)}
            </Column>
          ))}
        </TableHeader>
        <TableBody items={more.items}>
          {(ticket) => (
            <Row id={ticket.key} href={`/console/tickets/${encodeURIComponent(ticket.key)}`} routerOptions={back} className="queue-row" textValue={`${ticket.key} ${ticket.subject}`}>
              <Cell className="queue-cell queue-cell-select">
                <Checkbox slot="selection" className="queue-checkbox">
                  <CheckMark />
                </Checkbox>
              </Cell>
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

/** The checkbox's box; the tick shows once it is selected (the checkbox's own state is what assistive technology reads). */
function CheckMark() {
  return (
    <span className="queue-checkbox-box" aria-hidden="true">
      <svg viewBox="0 0 18 18" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="3">
        <polyline points="2 9 7 14 16 4" />
      </svg>
    </span>
  );
}

/** How long the ticket has been open, moving on with the page's clock. */
function Age({ since }: { since: string }) {
  const now = useNow();
  const duration = useDuration();
  return <span className="queue-age">{duration((now.getTime() - Date.parse(since)) / 60_000)}</span>;
}
