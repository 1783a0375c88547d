import type { ApiClient } from '../../../lib/api/api-client';
import type { QueueFilters } from '../queue-filters';

/** One queue the sidebar links to. */
export interface SidebarQueue {
  filters: QueueFilters;
  /** The configuration's name of the desk or level; until the API gives it, the screen shows the id. */
  name?: string;
  /** How many active tickets it holds, once the API counts them. */
  count?: number;
}

export interface SidebarDesk {
  id: string;
  queue: SidebarQueue;
  levels: (SidebarQueue & { id: string })[];
}

export interface QueueSidebar {
  myWork: SidebarQueue;
  desks: SidebarDesk[];
}

/**
 * The sidebar's queues: "My work", and per desk the person works the desk and each of its levels.
 * For now the browser knows no desks (the token names none), so this gives "My work" and the desk
 * and level the URL names. It becomes one call of `GET /me/queues` (the person's desks and levels
 * with names and counts); the screen reads only this shape.
 */
export async function loadQueueSidebar(client: ApiClient, named: QueueFilters, signal?: AbortSignal): Promise<QueueSidebar> {
  const desks: SidebarDesk[] = named.desk
    ? [{ id: named.desk, queue: { filters: { desk: named.desk } }, levels: named.level ? [{ id: named.level, filters: { desk: named.desk, level: named.level } }] : [] }]
    : [];
  return { myWork: { filters: {} }, desks };
}
