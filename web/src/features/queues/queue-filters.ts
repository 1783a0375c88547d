/**
 * A queue is a link: its filters are the search parameters of /console. No parameters is the
 * person's own work; `cursor` (the API's) is the page, and is no filter.
 */
export const QUEUE_PARAMS = ['desk', 'level', 'assignee', 'requester', 'status', 'sla', 'priority', 'channel', 'catalogItem', 'order'] as const;
export type QueueParam = (typeof QUEUE_PARAMS)[number];
export type QueueFilters = Partial<Record<QueueParam, string>>;

/** The SLA states the list can be narrowed to. */
export const SLA_FILTERS = ['at_risk', 'breached'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const CHANNELS = ['api', 'email', 'intake'] as const;
export const ORDERS = ['priority', 'due'] as const;

/** The desk queue's `assignee` value for tickets nobody is assigned to. */
export const UNASSIGNED = 'none';

export const CONSOLE_PATH = '/console';

/** The filters a URL's search parameters name; empty values count as absent. */
export function queueFiltersOf(params: URLSearchParams): QueueFilters {
  const filters: QueueFilters = {};
  for (const name of QUEUE_PARAMS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The link of a queue with these filters (and a page of it), the parameters always in the same order. */
export function queueHref(filters: QueueFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const name of QUEUE_PARAMS) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `${CONSOLE_PATH}?${search}` : CONSOLE_PATH;
}

/** The same queue with one filter set or cleared; another filter means the list starts again at its first page. */
export function withFilter(filters: QueueFilters, name: QueueParam, value: string | undefined): QueueFilters {
  const next = { ...filters };
  if (value) next[name] = value;
  else delete next[name];
  return next;
}

/**
 * Which list a queue is, leaving aside the filters that only narrow it (status, priority, channel,
 * catalog item, order): what the sidebar marks as current. The SLA state and "unassigned" are
 * queues of their own in the sidebar, so they count.
 */
export function queueIdentity(filters: QueueFilters): string {
  const own = !filters.desk && !filters.requester && (!filters.assignee || filters.assignee === 'me');
  return [filters.desk ?? '', filters.level ?? '', own ? 'me' : (filters.assignee ?? ''), filters.requester ?? '', filters.sla ?? ''].join('|');
}
