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
  return attempt(() => client.GET('/tickets/{key}/attachments', { params: { path: { key }, query: { location } }, headers: { accept: 'application/json' } }));
}

export type ReplyPreview = components['schemas']['ReplyPreview'];
export type TicketChange = components['schemas']['UpdateTicket'];
export type DeskTeam = components['schemas']['DeskTeam'];
export type TeamMember = components['schemas']['TeamMember'];

/** The mail a public reply would send now; without a body it still names the recipients. */
export function previewReply(client: ApiClient, key: string, reply: { body?: string; cc?: string[] } = {}, signal?: AbortSignal) {
  const body = reply.body === undefined && reply.cc === undefined ? undefined : reply;
  return attempt(() => client.POST('/tickets/{key}/reply-preview', { params: { path: { key } }, ...(body ? { body } : {}), signal }));
}

/** A public reply or an internal note, under the draft's Idempotency-Key: a retry adds it once. */
export function addComment(client: ApiClient, key: string, comment: { body: string; public: boolean; cc: string[]; attachments: string[] }, idempotencyKey: string) {
  const body = { body: comment.body, public: comment.public, ...(comment.public && comment.cc.length ? { cc: comment.cc } : {}), ...(comment.attachments.length ? { attachments: comment.attachments } : {}) };
  return attempt(() => client.POST('/tickets/{key}/comments', { params: { path: { key }, header: { 'Idempotency-Key': idempotencyKey } }, body }));
}

/** Accepts the sender of a new participant's mail: a watcher from now on, the mail public. Repeating it changes nothing. */
export function acceptSender(client: ApiClient, key: string, commentId: string) {
  return attempt(() => client.POST('/tickets/{key}/comments/{commentId}/accept-sender', { params: { path: { key, commentId } } }));
}

/** One change of the ticket's fields against the version the page read: a stale one gets 412. */
export function updateTicket(client: ApiClient, key: string, change: TicketChange, version: number) {
  return attempt(() => client.PATCH('/tickets/{key}', { params: { path: { key }, header: { 'If-Match': `"${version}"` } }, body: change }));
}

/** To the next level (or the next desk after the last one), with the reason for the history. */
export function escalateTicket(client: ApiClient, key: string, body: { reason?: string; confirmRestrictedMove?: boolean }) {
  return attempt(() => client.POST('/tickets/{key}/escalate', { params: { path: { key } }, body }));
}

/** The desk's people by level, with their availability and open tickets: whom a ticket can go to. */
export function getDeskTeam(client: ApiClient, desk: string, signal?: AbortSignal) {
  return attempt(() => client.GET('/desks/{id}/team', { params: { path: { id: desk } }, signal }));
}
