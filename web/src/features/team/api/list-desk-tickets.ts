import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

export type Ticket = components['schemas']['Ticket'];

export const TEAM_PAGE_SIZE = 25;

/**
 * One page of a desk's active tickets of one assignee (`none`: nobody's) from
 * `GET /desks/{id}/queue`, in the API's order (priority, then age).
 */
export function listDeskTickets(client: ApiClient, desk: string, assignee: string, cursor: string | undefined, signal?: AbortSignal) {
  const query = { assignee, status: 'active', limit: TEAM_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  return attempt(() => client.GET('/desks/{id}/queue', { params: { path: { id: desk }, query }, signal }));
}
