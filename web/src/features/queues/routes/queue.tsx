import { lazy, useId } from 'react';
import { Link, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { LoadFailed } from '../../../components/load-failed';
import { api } from '../../../lib/api/api';
import { authSession } from '../../../lib/auth/auth-session';
import { bulkUpdate, type BulkResult } from '../api/bulk-update';
import type { BulkRequest } from '../components/bulk-toolbar';
import type { ClientSource } from '../../../lib/api/api-client';
import { failureError } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import { AfterFirstPaint } from '../../../lib/loading/after-first-paint';
import { listQueue, queueCall, type QueueCall, type QueueRow } from '../api/list-queue';
import { loadQueueSidebar, queueNames, type QueueSidebar as SidebarData } from '../api/load-queue-sidebar';
import { loadFilterChoices, type FilterChoices } from '../api/load-filter-choices';
import type { RefusedFilters } from '../components/queue-filter-bar';
import { QueueFilterPlaceholder } from '../components/queue-filter-placeholder';
import { QueueSearch } from '../components/queue-search';
import { KeyboardShortcutsDialog } from '../../../components/keyboard-shortcuts-dialog';
import { QueueSidebar } from '../components/queue-sidebar';
import { QueueTable } from '../components/queue-table';
import { queuesMessages } from '../messages';
import { CONSOLE_PATH, QUEUE_PARAMS, queueFiltersOf, type QueueFilters } from '../queue-filters';
import { useRevalidateWhileVisible } from '../use-revalidate-while-visible';
import '../queues.css';

// Its menus are React Aria's heaviest part: they load once the queue has been painted.
const QueueFilterBar = lazy(() => import('../components/queue-filter-bar').then((module) => ({ default: module.QueueFilterBar })));

export type QueueData = { filters: QueueFilters; call: QueueCall; sidebar: SidebarData; choices: FilterChoices } & (
  { ok: true; items: QueueRow[]; nextCursor?: string } | { ok: false; reason: 'network' | 'forbidden' } | { ok: false; reason: 'invalid'; refused: RefusedFilters }
);

/** The filters a 400 names in its details (`order`, or `query.order`), with the API's message for each. */
export function refusedFilters(details: readonly { path: string; message: string }[]): RefusedFilters {
  const refused: RefusedFilters = {};
  for (const detail of details) {
    const name = QUEUE_PARAMS.find((param) => detail.path === param || detail.path.endsWith(`.${param}`));
    if (name && !refused[name]) refused[name] = detail.message;
  }
  return refused;
}

/**
 * The queue the URL names (see queue-filters.ts), one page of it (`?cursor=`), and the sidebar's
 * queues. A dropped connection, a queue the person may not read and filters the API refuses are
 * shown in the screen with its filters; a lost session goes to the shell's error screen.
 */
export function queueLoader(client: ClientSource) {
  return async ({ request }: LoaderFunctionArgs): Promise<QueueData> => {
    const params = new URL(request.url).searchParams;
    const filters = queueFiltersOf(params);
    const call = queueCall(filters);
    const source = await client();
    const [page, sidebar, choices] = await Promise.all([
      listQueue(source, call, params.get('cursor') ?? undefined, request.signal),
      loadQueueSidebar(source, request.signal),
      loadFilterChoices(source, call.route === 'desk' ? call.desk : undefined, request.signal),
    ]);
    const base = { filters, call, sidebar, choices };
    if (page.ok) return { ...base, ...page };
    const { failure } = page;
    if (failure.kind === 'network') return { ...base, ok: false, reason: 'network' };
    if (failure.status === 403 || failure.status === 404) return { ...base, ok: false, reason: 'forbidden' };
    if (failure.status === 400) return { ...base, ok: false, reason: 'invalid', refused: refusedFilters(failure.details) };
    throw failureError(failure);
  };
}

export const loader = queueLoader(api);

/**
 * The toolbar's bulk change: one PATCH per selected ticket with its page version in If-Match.
 * "me" is the signed-in person's email. The router loads the queue again afterwards.
 */
export function queueAction(client: ClientSource, me: () => Promise<string | undefined> = async () => (await authSession.person())?.email) {
  return async ({ request }: ActionFunctionArgs): Promise<BulkResult> => {
    const { change, targets } = (await request.json()) as BulkRequest;
    const resolved = change.kind === 'assign' && change.assignee === 'me' ? { ...change, assignee: (await me()) ?? '' } : change;
    return bulkUpdate(await client(), resolved, targets);
  };
}

export const action = queueAction(api);

export function Component() {
  const data = useLoaderData() as QueueData;
  const t = useMessages(queuesMessages);
  const headingId = useId();
  const { filters, call } = data;
  const heading = useQueueHeading(filters, data.sidebar);
  useRevalidateWhileVisible();

  return (
    <div className="console queue-screen">
      <header className="console-header">
        <h1 id={headingId}>{heading}</h1>
        <QueueSearch />
        <KeyboardShortcutsDialog />
      </header>
      <div className="queue-layout">
        <QueueSidebar sidebar={data.sidebar} current={filters} />
        <div className="queue-content">
          <AfterFirstPaint placeholder={<QueueFilterPlaceholder deskQueue={call.route === 'desk'} />}>
            <QueueFilterBar filters={filters} call={call} choices={data.choices} refused={!data.ok && data.reason === 'invalid' ? data.refused : {}} />
          </AfterFirstPaint>
          {call.ignored.length > 0 ? (
            <p className="note" role="note">
              {t.format('filter.ignored', { names: call.ignored.map((name) => t.format(`param.${name}`)).join(', ') })}
            </p>
          ) : null}
          {data.ok ? (
            <QueueTable first={data} filters={filters} labelledBy={headingId} agents={data.choices.agents} />
          ) : data.reason === 'network' ? (
            <LoadFailed message={t.format('list.failed')} retryLabel={t.format('list.retry')} />
          ) : (
            <div className="alert" role="alert">
              <p>{t.format(data.reason === 'forbidden' ? 'list.forbidden' : 'list.invalid')}</p>
              <p>
                <Link to={CONSOLE_PATH}>{t.format('list.toMyWork')}</Link>
              </p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** The queue's name: whose tickets, which desk and level (by their names where the sidebar has them), or the person's own work. */
function useQueueHeading(filters: QueueFilters, sidebar: SidebarData): string {
  const t = useMessages(queuesMessages);
  const names = queueNames(sidebar, filters);
  if (filters.requester) return t.format('heading.requester', { email: filters.requester });
  if (filters.desk && filters.level) {
    return names.desk && names.level ? t.format('heading.levelNamed', { desk: names.desk, level: names.level }) : t.format('heading.level', { desk: filters.desk, level: filters.level });
  }
  if (filters.desk) return names.desk ? t.format('heading.deskNamed', { desk: names.desk }) : t.format('heading.desk', { desk: filters.desk });
  if (filters.assignee && filters.assignee !== 'me') return t.format('heading.assignee', { email: filters.assignee });
  return t.format('heading.myWork');
}
