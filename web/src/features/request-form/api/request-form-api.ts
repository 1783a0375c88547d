import { api } from '../../../lib/api/api';
import { apiData } from '../../../lib/api/api-error';
import type { components } from '../../../lib/api/schema';

export type CatalogNode = components['schemas']['CatalogNode'];
export type FormField = components['schemas']['CatalogFormField'];
export type CreateTicket = components['schemas']['CreateTicket'];
export type Ticket = components['schemas']['Ticket'];
export type FieldValue = string | number | string[] | null;

/** A catalog item with the names of the categories above it. */
export interface CatalogItem {
  node: CatalogNode;
  path: string[];
}

export function findItem(nodes: readonly CatalogNode[], id: string, path: string[] = []): CatalogItem | undefined {
  for (const node of nodes) {
    if (node.id === id) return { node, path };
    const found = findItem(node.children, id, [...path, node.name]);
    if (found) return found;
  }
  return undefined;
}

/** The item and its form, from `GET /catalog` (undefined when the catalog has no such item). */
export async function loadCatalogItem(itemId: string): Promise<CatalogItem | undefined> {
  const client = await api();
  const { catalog } = await apiData(client.GET('/catalog'));
  return findItem(catalog, itemId);
}

/** The ticket body with the files the person attached (`attachments` comes with the upload route). */
export type CreateTicketWithAttachments = CreateTicket & { attachments?: string[] };

/**
 * `POST /tickets` under the draft's Idempotency-Key: a retry after a lost answer gets the ticket the
 * first try made (200) instead of a second one.
 */
export async function createTicket(body: CreateTicketWithAttachments, idempotencyKey: string): Promise<Ticket> {
  const client = await api();
  const answer = await apiData(client.POST('/tickets', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
  return answer.ticket;
}
