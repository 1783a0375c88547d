import { api } from '../../../lib/api/api';
import { apiData } from '../../../lib/api/api-error';
import type { components } from '../../../lib/api/schema';

export type CatalogNode = components['schemas']['CatalogNode'];
export type Ticket = components['schemas']['Ticket'];

/** An item one can ask for (a leaf of the tree), with the categories above it. */
export interface CatalogEntry {
  id: string;
  name: string;
  description?: string;
  pinned: boolean;
  requiresApproval: boolean;
  /** The names of the categories above the item, top first. */
  path: string[];
}

/** A top-level category with its items, grouped by the sub-category they are in ('' for direct items). */
export interface CatalogCategory {
  id: string;
  name: string;
  description?: string;
  groups: { name: string; id: string; items: CatalogEntry[] }[];
}

// `pinned` is in the catalog's answer once the API's branch with it is merged; until then it reads as false.
const isPinned = (node: CatalogNode) => (node as CatalogNode & { pinned?: boolean }).pinned === true;

function entriesOf(node: CatalogNode, path: string[]): CatalogEntry[] {
  if (node.children.length === 0) {
    return [{ id: node.id, name: node.name, ...(node.description ? { description: node.description } : {}), pinned: isPinned(node), requiresApproval: node.requiresApproval, path }];
  }
  return node.children.flatMap((child) => entriesOf(child, [...path, node.name]));
}

/** The tree as the home page shows it: each top-level category, then its items by sub-category. */
export function categoriesOf(catalog: readonly CatalogNode[]): CatalogCategory[] {
  return catalog.map((top) => {
    const direct = top.children.filter((child) => child.children.length === 0);
    const groups = [
      { id: top.id, name: '', items: direct.flatMap((child) => entriesOf(child, [top.name])) },
      ...top.children.filter((child) => child.children.length > 0).map((child) => ({ id: child.id, name: child.name, items: entriesOf(child, [top.name]) })),
    ].filter((group) => group.items.length > 0);
    // A top-level node without children is itself an item.
    if (top.children.length === 0) groups.push({ id: top.id, name: '', items: entriesOf(top, []) });
    return { id: top.id, name: top.name, ...(top.description ? { description: top.description } : {}), groups };
  });
}

export const allEntries = (catalog: readonly CatalogNode[]) => catalog.flatMap((node) => entriesOf(node, []));

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Items whose name or description holds every word of the query (case and accents ignored); pinned first. */
export function searchCatalog(entries: readonly CatalogEntry[], query: string): CatalogEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matches = entries.filter((entry) => {
    const text = fold(`${entry.name} ${entry.description ?? ''}`);
    return words.every((word) => text.includes(word));
  });
  return [...matches.filter((entry) => entry.pinned), ...matches.filter((entry) => !entry.pinned)];
}

export async function loadCatalog(): Promise<CatalogNode[]> {
  const client = await api();
  return (await apiData(client.GET('/catalog'))).catalog;
}

/** The person's open requests, newest first (the API gives a requester only their own). */
export async function loadOpenRequests(limit: number): Promise<Ticket[]> {
  const client = await api();
  return (await apiData(client.GET('/tickets', { params: { query: { status: 'active', limit } } }))).items;
}
