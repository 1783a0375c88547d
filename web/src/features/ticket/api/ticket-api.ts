import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

export type Ticket = components['schemas']['Ticket'];
export type Comment = components['schemas']['Comment'];
export type HistoryEvent = components['schemas']['HistoryEvent'];
export type CatalogNode = components['schemas']['CatalogNode'];

/** How many of the ticket's history events the view shows: the first page, oldest first. */
export const HISTORY_PAGE_SIZE = 50;
/** How many of the requester's tickets the view lists beside the ticket. */
export const REQUESTER_TICKETS = 10;

/** The ticket and its whole conversation: staff of its desk get the internal notes too. */
export function getTicket(client: ApiClient, key: string, signal?: AbortSignal) {
  return attempt(() => client.GET('/tickets/{key}', { params: { path: { key } }, signal }));
}

/** The first page of the ticket's audit log, oldest first. */
export function getHistory(client: ApiClient, key: string, signal?: AbortSignal) {
  return attempt(() => client.GET('/tickets/{key}/history', { params: { path: { key }, query: { limit: HISTORY_PAGE_SIZE } }, signal }));
}

/** The requester's latest tickets of every status, as the API lists them (it decides which the caller may see). */
export function listRequesterTickets(client: ApiClient, email: string, signal?: AbortSignal) {
  return attempt(() => client.GET('/tickets', { params: { query: { requester: email, status: 'all', limit: REQUESTER_TICKETS } }, signal }));
}

/** The catalog, for the name of the ticket's item and the labels of its form. */
export function getCatalog(client: ApiClient, signal?: AbortSignal) {
  return attempt(() => client.GET('/catalog', { signal }));
}

/** The short-lived download link of one stored file, as JSON (a browser cannot read the redirect the route gives by default). */
export function attachmentLink(client: ApiClient, key: string, location: string) {
  return attempt(() =>
    client.GET('/tickets/{key}/attachments', { params: { path: { key }, query: { location } }, headers: { accept: 'application/json' } }),
  );
}
