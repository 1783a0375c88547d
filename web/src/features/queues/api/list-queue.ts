import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import { SLA_FILTERS, type QueueFilters, type QueueParam, type SlaFilter } from '../queue-filters';

export const QUEUE_PAGE_SIZE = 25;

/**
 * The API call that lists a queue: one level of a desk is `GET /desks/{id}/queue?level=`, every
 * other queue `GET /tickets` (the person's own work when nothing else is named). `ignored` names
 * the filters that call cannot apply, so the screen can say so rather than pretend.
 */
export type QueueCall =
  | { route: 'desk'; desk: string; query: { level: string; status?: string }; ignored: QueueParam[] }
  | { route: 'tickets'; query: { desk?: string; assignee?: string; requester?: string; status?: string; sla?: SlaFilter }; ignored: QueueParam[] };

export function queueCall(filters: QueueFilters): QueueCall {
  const status = filters.status ? { status: filters.status } : {};
  if (filters.desk && filters.level) {
    const ignored = (['assignee', 'requester', 'sla'] as const).filter((name) => filters[name]);
    return { route: 'desk', desk: filters.desk, query: { level: filters.level, ...status }, ignored };
  }
  const ignored: QueueParam[] = filters.level ? ['level'] : [];
  const sla = (SLA_FILTERS as readonly string[]).includes(filters.sla ?? '') ? (filters.sla as SlaFilter) : undefined;
  if (filters.sla && !sla) ignored.push('sla');
  const own = !filters.desk && !filters.requester && !filters.assignee;
  return {
    route: 'tickets',
    query: {
      ...(filters.desk ? { desk: filters.desk } : {}),
      ...(own ? { assignee: 'me' } : filters.assignee ? { assignee: filters.assignee } : {}),
      ...(filters.requester ? { requester: filters.requester } : {}),
      ...status,
      ...(sla ? { sla } : {}),
    },
    ignored,
  };
}

/** One page of a queue, in the API's order (by priority, then age; a requester's tickets newest first). */
export function listQueue(client: ApiClient, call: QueueCall, cursor: string | undefined, signal?: AbortSignal) {
  const page = { limit: QUEUE_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  if (call.route === 'desk') {
    return attempt(() => client.GET('/desks/{id}/queue', { params: { path: { id: call.desk }, query: { ...call.query, ...page } }, signal }));
  }
  return attempt(() => client.GET('/tickets', { params: { query: { ...call.query, ...page } }, signal }));
}
