import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

type CatalogNode = components['schemas']['CatalogNode'];
type DeskTeam = components['schemas']['DeskTeam'];

export interface CatalogChoice {
  id: string;
  /** The item's name after its categories': "IT › Hardware › Broken device". */
  name: string;
}

export interface AgentChoice {
  email: string;
  name: string;
}

/** What the filters and the bulk actions offer: the catalog's items and (on a desk's queue) the desk's agents. */
export interface FilterChoices {
  catalogItems: CatalogChoice[];
  agents: AgentChoice[];
}

/** Every item of the catalog tree (the nodes without children), in the tree's order, named by its path. */
export function catalogChoices(nodes: readonly CatalogNode[], path: readonly string[] = []): CatalogChoice[] {
  return nodes.flatMap((node) => (node.children.length === 0 ? [{ id: node.id, name: [...path, node.name].join(' › ') }] : catalogChoices(node.children, [...path, node.name])));
}

/** The desk's people once each, in the order of its levels: whom a ticket can be assigned to. */
export function agentChoices(team: DeskTeam): AgentChoice[] {
  const seen = new Map<string, AgentChoice>();
  for (const level of team.levels) for (const member of level.members) if (!seen.has(member.email)) seen.set(member.email, { email: member.email, name: member.name });
  return [...seen.values()];
}

/**
 * `GET /catalog`, and `GET /desks/{id}/team` when a desk is named. A failure of either leaves its
 * list empty: the queue still shows, and the link's own filter values still apply.
 */
export async function loadFilterChoices(client: ApiClient, desk: string | undefined, signal?: AbortSignal): Promise<FilterChoices> {
  const [catalog, team] = await Promise.all([attempt(() => client.GET('/catalog', { signal })), desk ? attempt(() => client.GET('/desks/{id}/team', { params: { path: { id: desk } }, signal })) : undefined]);
  return { catalogItems: catalog.ok ? catalogChoices(catalog.data.catalog) : [], agents: team?.ok ? agentChoices(team.data) : [] };
}
