import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components, paths } from '../../../lib/api/schema';
import { UNASSIGNED, type QueueFilters, type QueueParam } from '../queue-filters';

export const QUEUE_PAGE_SIZE = 25;

/** A ticket of a queue's page, with when that page's answer arrived: its SLA badge counts down from there. */
export type QueueRow = components['schemas']['Ticket'] & { receivedAt: number };

type DeskQuery = NonNullable<paths['/desks/{id}/queue']['get']['parameters']['query']>;
type TicketsQuery = NonNullable<paths['/tickets']['get']['parameters']['query']>;

/**
 * The API call that lists a queue. A named desk is `GET /desks/{id}/queue`, which takes every
 * filter (level, assignee including `none`, status, SLA, priority, channel, catalog item, order);
 * a requester's tickets and the person's own work (when nothing else is named) are `GET /tickets`.
 * `ignored` names the filters the chosen call cannot apply, so the screen can say so rather than
 * pretend. Values go to the API as they are: it answers a bad one with a 400 naming it.
 */
export type QueueCall =
  { route: 'desk'; desk: string; query: Omit<DeskQuery, 'cursor' | 'limit'>; ignored: QueueParam[] } | { route: 'tickets'; query: Omit<TicketsQuery, 'cursor' | 'limit'>; ignored: QueueParam[] };

/** The narrowing filters both calls take, as the link gives them. */
function narrowing(filters: QueueFilters) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.sla ? { sla: filters.sla as DeskQuery['sla'] } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.channel ? { channel: filters.channel as DeskQuery['channel'] } : {}),
    ...(filters.catalogItem ? { catalogItem: filters.catalogItem } : {}),
    ...(filters.order ? { order: filters.order as DeskQuery['order'] } : {}),
  };
}

export function queueCall(filters: QueueFilters): QueueCall {
  if (filters.desk && !filters.requester) {
    return {
      route: 'desk',
      desk: filters.desk,
      query: { ...(filters.level ? { level: filters.level } : {}), ...(filters.assignee ? { assignee: filters.assignee } : {}), ...narrowing(filters) },
      ignored: [],
    };
  }
  // GET /tickets knows no levels and no "unassigned" (that is a desk's queue).
  const ignored = (['level'] as const).filter((name) => filters[name]) as QueueParam[];
  if (filters.assignee === UNASSIGNED) ignored.push('assignee');
  const assignee = filters.assignee && filters.assignee !== UNASSIGNED ? filters.assignee : undefined;
  const own = !filters.desk && !filters.requester && !assignee;
  return {
    route: 'tickets',
    query: {
      ...(filters.desk ? { desk: filters.desk } : {}),
      ...(own ? { assignee: 'me' } : assignee ? { assignee } : {}),
      ...(filters.requester ? { requester: filters.requester } : {}),
      ...narrowing(filters),
    },
    ignored,
  };
}

/**
 * One page of a queue, in the API's order (by priority, then age, or by the nearest SLA deadline;
 * a requester's tickets newest first), each row stamped with the page's arrival time.
 */
export async function listQueue(client: ApiClient, call: QueueCall, cursor: string | undefined, signal?: AbortSignal) {
  const page = { limit: QUEUE_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  const outcome =
    call.route === 'desk'
      ? await attempt(() => client.GET('/desks/{id}/queue', { params: { path: { id: call.desk }, query: { ...call.query, ...page } }, signal }))
      : await attempt(() => client.GET('/tickets', { params: { query: { ...call.query, ...page } }, signal }));
  // The API's answer time is taken as this arrival time: the badges are off by the network time, no more.
  const receivedAt = Date.now();
  if (!outcome.ok) return outcome;
  const items: QueueRow[] = outcome.data.items.map((ticket) => ({ ...ticket, receivedAt }));
  return { ok: true as const, items, ...(outcome.data.nextCursor ? { nextCursor: outcome.data.nextCursor } : {}) };
}
