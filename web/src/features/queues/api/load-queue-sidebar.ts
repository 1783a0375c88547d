import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';
import { UNASSIGNED, type QueueFilters } from '../queue-filters';

type MyQueues = components['schemas']['MyQueues'];

/** One queue the sidebar links to, with its count of active tickets (when the API gave the counts). */
export interface SidebarQueue {
  filters: QueueFilters;
  count?: number;
}

export interface SidebarLevel {
  id: string;
  name: string;
  queue: SidebarQueue;
  unassigned: SidebarQueue;
}

export interface SidebarDesk {
  id: string;
  name: string;
  queue: SidebarQueue;
  unassigned: SidebarQueue;
  atRisk: SidebarQueue;
  breached: SidebarQueue;
  levels: SidebarLevel[];
}

export interface QueueSidebar {
  myWork: SidebarQueue;
  myAtRisk?: SidebarQueue;
  myBreached?: SidebarQueue;
  desks: SidebarDesk[];
}

/** The sidebar of `GET /me/queues`: the counts are the API's counters, exact, never counted here. */
export function sidebarOf(queues: MyQueues): QueueSidebar {
  return {
    myWork: { filters: {}, count: queues.mine.active },
    myAtRisk: { filters: { sla: 'at_risk' }, count: queues.mine.atRisk },
    myBreached: { filters: { sla: 'breached' }, count: queues.mine.breached },
    desks: queues.desks.map((desk) => ({
      id: desk.id,
      name: desk.name,
      queue: { filters: { desk: desk.id }, count: desk.active },
      unassigned: { filters: { desk: desk.id, assignee: UNASSIGNED }, count: desk.unassigned },
      atRisk: { filters: { desk: desk.id, sla: 'at_risk' }, count: desk.atRisk },
      breached: { filters: { desk: desk.id, sla: 'breached' }, count: desk.breached },
      levels: desk.levels.map((level) => ({
        id: level.id,
        name: level.name,
        queue: { filters: { desk: desk.id, level: level.id }, count: level.active },
        unassigned: { filters: { desk: desk.id, level: level.id, assignee: UNASSIGNED }, count: level.unassigned },
      })),
    })),
  };
}

/**
 * The sidebar's queues, one call of `GET /me/queues`. Should it fail, the queue itself still
 * shows: the sidebar then offers "My work" alone, without counts.
 */
export async function loadQueueSidebar(client: ApiClient, signal?: AbortSignal): Promise<QueueSidebar> {
  const outcome = await attempt(() => client.GET('/me/queues', { signal }));
  return outcome.ok ? sidebarOf(outcome.data) : { myWork: { filters: {} }, desks: [] };
}

/** The names of the desk and level a queue names, as the sidebar knows them (undefined for one it does not list). */
export function queueNames(sidebar: QueueSidebar, filters: QueueFilters): { desk?: string; level?: string } {
  const desk = sidebar.desks.find((candidate) => candidate.id === filters.desk);
  const level = desk?.levels.find((candidate) => candidate.id === filters.level);
  return { ...(desk ? { desk: desk.name } : {}), ...(level ? { level: level.name } : {}) };
}
