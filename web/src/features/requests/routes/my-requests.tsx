import { useCallback, useId, useState } from 'react';
import { Link, useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { api } from '../../../lib/api/api';
import { failureError } from '../../../lib/api/api-outcome';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import { BusyButton } from '../../../components/busy-button';
import { LiveStatus } from '../../../components/live-status';
import { listMyRequests, REQUEST_FILTERS, requestFilterOf, type ClientSource, type RequestFilter, type Ticket } from '../api/requests-api';
import { StateFacts } from '../components/ticket-state';
import { requestsMessages } from '../messages';
import { LoadFailed } from '../../../components/load-failed';
import { useMorePages } from '../../../lib/paging/use-more-pages';
import '../requests.css';

type MyRequestsData = { filter: RequestFilter; ok: true; items: Ticket[]; nextCursor?: string } | { filter: RequestFilter; ok: false };

/**
 * `GET /tickets` for the signed-in requester (the API gives a requester only its own tickets,
 * newest first), filtered by `?filter=open|resolved|all`; `?cursor=` gives the next page.
 */
export function myRequestsLoader(client: ClientSource) {
  return async ({ request }: LoaderFunctionArgs): Promise<MyRequestsData> => {
    const params = new URL(request.url).searchParams;
    const filter = requestFilterOf(params.get('filter'));
    const outcome = await listMyRequests(await client(), filter, params.get('cursor') ?? undefined, request.signal);
    if (outcome.ok) return { filter, ok: true, items: outcome.data.items, ...(outcome.data.nextCursor ? { nextCursor: outcome.data.nextCursor } : {}) };
    if (outcome.failure.kind === 'network') return { filter, ok: false };
    throw failureError(outcome.failure);
  };
}

export const loader = myRequestsLoader(api);

export function Component() {
  const first = useLoaderData() as MyRequestsData;
  const t = useMessages(requestsMessages);
  const headingId = useId();
  return (
    <div className="requests-page">
      <h1 id={headingId}>{t.format('list.title')}</h1>
      <FilterLinks current={first.filter} />
      {first.ok ? <RequestList key={first.filter} first={first} labelledBy={headingId} /> : <LoadFailed message={t.format('list.failed')} retryLabel={t.format('reply.retry')} />}
    </div>
  );
}

function FilterLinks({ current }: { current: RequestFilter }) {
  const t = useMessages(requestsMessages);
  const { pathname } = useLocation();
  return (
    <nav className="filter-links" aria-label={t.format('list.filterLabel')}>
      <ul>
        {REQUEST_FILTERS.map((filter) => (
          <li key={filter}>
            <Link to={`${pathname}?filter=${filter}`} aria-current={filter === current ? 'page' : undefined}>
              {t.format(`filter.${filter}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The first page from the route's loader, and the pages "Show more" adds below it. */
function RequestList({ first, labelledBy }: { first: Extract<MyRequestsData, { ok: true }>; labelledBy: string }) {
  const t = useMessages(requestsMessages);
  const { pathname } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const onAdded = useCallback((count: number) => setAnnouncement(t.format('list.moreShown', { count })), [t]);
  const more = useMorePages(first, onAdded);
  const { items } = more;
  const cursor = more.nextCursor;

  if (items.length === 0) {
    return (
      <div className="empty-state">
        <p>{t.format(`list.empty.${first.filter}`)}</p>
        <Link className="button button-primary" to="/">
          {t.format('list.empty.catalog')}
        </Link>
      </div>
    );
  }

  return (
    <>
      <ul className="request-list" aria-labelledby={labelledBy}>
        {items.map((ticket) => (
          <RequestRow key={ticket.key} ticket={ticket} />
        ))}
      </ul>
      {more.failed ? (
        <p className="alert" role="alert">
          {t.format('list.moreFailed')}
        </p>
      ) : null}
      {cursor ? (
        <BusyButton className="button show-more" isBusy={more.loading} onPress={() => more.load(`${pathname}?filter=${first.filter}&cursor=${encodeURIComponent(cursor)}`)}>
          {more.loading ? t.format('list.loadingMore') : t.format('list.showMore')}
        </BusyButton>
      ) : null}
      <LiveStatus message={announcement} />
    </>
  );
}

function RequestRow({ ticket }: { ticket: Ticket }) {
  const t = useMessages(requestsMessages);
  const { dateTime } = useDateTime();
  return (
    <li className="request-row" data-waiting-on={ticket.waitingOn}>
      <Link className="request-row-link" to={`/requests/${ticket.key}`}>
        <span className="ticket-key">{ticket.key}</span> <span className="request-row-title">{ticket.subject}</span>
      </Link>
      <dl className="request-row-facts">
        <StateFacts ticket={ticket} />
        <div>
          <dt>{t.format('field.updated')}</dt>
          <dd>
            <time dateTime={ticket.updatedAt}>{dateTime(ticket.updatedAt)}</time>
          </dd>
        </div>
      </dl>
    </li>
  );
}
