import { lazy, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { BusyButton } from '../../../components/busy-button';
import { Icon } from '../../../components/icon';
import { LiveStatus } from '../../../components/live-status';
import { SlaBadge } from '../../../components/sla/sla-badge';
import { TicketStatusBadge } from '../../../components/ticket-status-badge';
import type { QueueRow } from '../api/list-queue';
import type { AgentChoice } from '../api/load-filter-choices';
import { BulkResultPanel } from './bulk-result-panel';
import { useDuration } from '../../../lib/i18n/use-duration';
import { useMessages } from '../../../lib/i18n/use-messages';
import { AfterFirstPaint } from '../../../lib/loading/after-first-paint';
import { useMorePages } from '../../../lib/paging/use-more-pages';
import { useNow } from '../../../lib/time/use-now';
import { queueHref, type QueueFilters } from '../queue-filters';
import { queuesMessages } from '../messages';

// Shown only once rows are selected: loaded after the queue has been painted.
const BulkToolbar = lazy(() => import('./bulk-toolbar').then((module) => ({ default: module.BulkToolbar })));

type Ticket = QueueRow;

const COLUMNS = ['key', 'subject', 'requester', 'status', 'priority', 'assignee', 'age', 'sla'] as const;
type ColumnId = (typeof COLUMNS)[number];

/**
 * The queue as a table in the API's order: each row's subject is a link to the ticket (a click
 * anywhere on the row follows it, the arrows move between the rows' links) and its checkbox
 * selects it for the toolbar, which changes the selected tickets. "Show more" adds the API's next
 * page below. On narrow screens each row is a card. A plain HTML table: links and checkboxes are
 * the browser's own, so the first page costs little to load and to draw.
 */
export function QueueTable({ first, filters, labelledBy, agents }: { first: { items: Ticket[]; nextCursor?: string | undefined }; filters: QueueFilters; labelledBy: string; agents: readonly AgentChoice[] }) {
  const t = useMessages(queuesMessages);
  const { pathname, search } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const onAdded = useCallback((count: number) => setAnnouncement(t.format('list.moreShown', { count })), [t]);
  const more = useMorePages(first, onAdded);
  const cursor = more.nextCursor;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const chosen = more.items.filter((ticket) => selected.has(ticket.key));
  const targets = chosen.map((ticket) => ({ key: ticket.key, version: ticket.version, tags: ticket.tags }));
  // The ticket view's way back is this queue, as it was filtered.
  const back = { queue: `${pathname}${search}` };
  const toggle = (key: string, on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const allSelected = chosen.length > 0 && chosen.length === more.items.length;

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
      {targets.length > 0 ? (
        <AfterFirstPaint placeholder={null}>
          <BulkToolbar targets={targets} agents={agents} onSent={() => setSelected(new Set())} />
        </AfterFirstPaint>
      ) : null}
      <table className="queue-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col" className="queue-column queue-column-select">
              <SelectionBox
                label={t.format('row.selectAll')}
                checked={allSelected}
                indeterminate={chosen.length > 0 && !allSelected}
                onChange={(on) => setSelected(on ? new Set(more.items.map((ticket) => ticket.key)) : new Set())}
              />
            </th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={`queue-column queue-column-${column}`}>
                {t.format(`column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the arrow keys pressed on the rows' links bubble up to here; the links are what takes them */}
        <tbody onKeyDown={moveBetweenRows}>
          {more.items.map((ticket) => (
            <tr key={ticket.key} className="queue-row" data-selected={selected.has(ticket.key) || undefined}>
              <td className="queue-cell queue-cell-select">
                <SelectionBox label={t.format('row.select', { key: ticket.key })} checked={selected.has(ticket.key)} onChange={(on) => toggle(ticket.key, on)} />
              </td>
              {COLUMNS.map((column) =>
                column === 'subject' ? (
                  <th key={column} scope="row" className="queue-cell queue-cell-subject">
                    <Link className="queue-link" to={`/console/tickets/${encodeURIComponent(ticket.key)}`} state={back}>
                      {ticket.subject}
                    </Link>
                  </th>
                ) : (
                  <td key={column} className={`queue-cell queue-cell-${column}`}>
                    <span className="cell-label" aria-hidden="true">
                      {t.format(`column.${column}`)}
                    </span>
                    <CellValue ticket={ticket} column={column} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
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

/** Up and down arrows on a ticket's link go to the link of the row above or below, as in a list. */
function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const link = event.target instanceof HTMLElement ? event.target.closest('.queue-link') : null;
  const row = link?.closest('tr');
  const next = event.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
  const target = next?.querySelector<HTMLElement>('.queue-link');
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** A row's checkbox (or the header's, for every row shown): the browser's own, drawn by the stylesheet. */
function SelectionBox({ label, checked, indeterminate = false, onChange }: { label: string; checked: boolean; indeterminate?: boolean; onChange: (checked: boolean) => void }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={box} type="checkbox" className="queue-checkbox" aria-label={label} checked={checked} onChange={(event) => onChange(event.target.checked)} />;
}

function CellValue({ ticket, column }: { ticket: Ticket; column: Exclude<ColumnId, 'subject'> }) {
  const t = useMessages(queuesMessages);
  switch (column) {
    case 'key':
      return <span className="queue-key">{ticket.key}</span>;
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
