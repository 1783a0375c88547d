import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

export type DeskTeam = components['schemas']['DeskTeam'];
export type TeamMember = components['schemas']['TeamMember'];
export type TeamLevel = components['schemas']['TeamLevel'];

/** `GET /desks/{id}/team`: the desk's levels with each member's availability and counts. */
export function getTeam(client: ApiClient, desk: string, signal?: AbortSignal) {
  return attempt(() => client.GET('/desks/{id}/team', { params: { path: { id: desk } }, signal }));
}
