import { useEffect, useId, useRef, useState } from 'react';
import { Link, useFetcher, useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { Button } from 'react-aria-components';
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
import '../requests.css';

type MyRequestsData =
  | { filter: RequestFilter; ok: true; items: Ticket[]; nextCursor?: string }
  | { filter: RequestFilter; ok: false };

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
  const more = useFetcher<MyRequestsData>();
  const [added, setAdded] = useState<{ items: Ticket[]; nextCursor?: string | undefined; failed?: boolean }>({ items: [], nextCursor: first.nextCursor });
  const [announcement, setAnnouncement] = useState('');
  const handled = useRef<unknown>(undefined);

  // A revalidation (after a change elsewhere) gives a new first page; what was added is dropped.
  useEffect(() => setAdded({ items: [], nextCursor: first.nextCursor }), [first]);

  useEffect(() => {
    const page = more.data;
    if (more.state !== 'idle' || !page || handled.current === page) return;
    handled.current = page;
    // A failed page keeps its cursor, so "Show more" tries it again.
    if (!page.ok) return setAdded((current) => ({ ...current, failed: true }));
    setAdded((current) => ({ items: [...current.items, ...page.items], nextCursor: page.nextCursor }));
    setAnnouncement(t.format('list.moreShown', { count: page.items.length }));
  }, [more.state, more.data, t]);

  const items = [...first.items, ...added.items.filter((item) => !first.items.some((shown) => shown.key === item.key))];
  const cursor = added.nextCursor;

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
      {added.failed ? (
        <p className="alert" role="alert">
          {t.format('list.moreFailed')}
        </p>
      ) : null}
      {cursor ? (
        <BusyButton
          className="button show-more"
          isBusy={more.state !== 'idle'}
          onPress={() => {
            setAdded((current) => ({ ...current, failed: false }));
            void more.load(`${pathname}?filter=${first.filter}&cursor=${encodeURIComponent(cursor)}`);
          }}
        >
          {more.state !== 'idle' ? t.format('list.loadingMore') : t.format('list.showMore')}
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
