import type { ApiClient } from '../../../lib/api/api-client';
import { attempt, type ApiFailure } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

export type Ticket = components['schemas']['Ticket'];
export type Comment = components['schemas']['Comment'];
export type Attachment = components['schemas']['Attachment'];
export type CatalogNode = components['schemas']['CatalogNode'];

/** Gives the API client; route modules take one so tests can hand in a client with their own fetch. */
export type ClientSource = () => Promise<ApiClient>;

/** The list's filters, as the `filter` search parameter names them. */
export const REQUEST_FILTERS = ['open', 'resolved', 'all'] as const;
export type RequestFilter = (typeof REQUEST_FILTERS)[number];

/** The `status` of `GET /tickets` each filter asks for. */
const STATUS_OF_FILTER: Record<RequestFilter, string> = { open: 'active', resolved: 'resolved,closed', all: 'all' };

export function requestFilterOf(value: string | null): RequestFilter {
  return (REQUEST_FILTERS as readonly string[]).includes(value ?? '') ? (value as RequestFilter) : 'open';
}

/** One page of the signed-in requester's tickets, newest first (the API gives a requester only its own). */
export function listMyRequests(client: ApiClient, filter: RequestFilter, cursor: string | undefined, signal?: AbortSignal) {
  return attempt(() => client.GET('/tickets', { params: { query: { status: STATUS_OF_FILTER[filter], limit: 20, ...(cursor ? { cursor } : {}) } }, signal }));
}

export function getRequest(client: ApiClient, key: string, signal?: AbortSignal) {
  return attempt(() => client.GET('/tickets/{key}', { params: { path: { key } }, signal }));
}

export function getCatalog(client: ApiClient, signal?: AbortSignal) {
  return attempt(() => client.GET('/catalog', { signal }));
}

/**
 * A public reply of the requester, with the files uploaded for it. The idempotency key is the
 * draft's, so a retry after a lost answer adds the reply once.
 */
export function addReply(client: ApiClient, key: string, reply: { body: string; attachments: string[] }, idempotencyKey: string) {
  return attempt(() =>
    client.POST('/tickets/{key}/comments', {
      params: { path: { key }, header: { 'Idempotency-Key': idempotencyKey } },
      body: { body: reply.body, public: true, ...(reply.attachments.length > 0 ? { attachments: reply.attachments } : {}) },
    }),
  );
}

/** The requester's answer to a resolved request: confirm closes it, reopen (with what is still wrong) sends it back. */
export function decideResolution(client: ApiClient, key: string, decision: 'confirm' | 'reopen', comment?: string) {
  return attempt(() => client.POST('/tickets/{key}/resolution', { params: { path: { key } }, body: { decision, ...(comment ? { comment } : {}) } }));
}

/** The short-lived download link of one stored file, as JSON (a browser cannot read the redirect the route gives by default). */
export function attachmentLink(client: ApiClient, key: string, location: string) {
  return attempt(() => client.GET('/tickets/{key}/attachments', { params: { path: { key }, query: { location } }, headers: { accept: 'application/json' } }));
}

export type UploadFailure = { kind: 'too_large' | 'failed'; file: File };

/**
 * Sends one file: `POST /uploads` signs a form for it, and the browser posts the file straight to
 * S3 with the form's fields first and the file last. Answers the upload id to attach.
 */
export async function uploadFile(client: ApiClient, file: File, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<{ ok: true; uploadId: string } | ({ ok: false } & UploadFailure)> {
  const signed = await attempt(() => client.POST('/uploads', { body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size } }));
  if (!signed.ok) return { ok: false, kind: tooLarge(signed.failure) ? 'too_large' : 'failed', file };
  if (file.size > signed.data.maxBytes) return { ok: false, kind: 'too_large', file };
  const form = new FormData();
  for (const [name, value] of Object.entries(signed.data.fields)) form.append(name, value);
  form.append('file', file);
  try {
    const sent = await fetchImpl(signed.data.url, { method: 'POST', body: form });
    if (!sent.ok) return { ok: false, kind: sent.status === 400 && (await sent.text()).includes('EntityTooLarge') ? 'too_large' : 'failed', file };
  } catch {
    return { ok: false, kind: 'failed', file };
  }
  return { ok: true, uploadId: signed.data.uploadId };
}

/** The API refuses a file over the limit by naming `size`. */
function tooLarge(failure: ApiFailure): boolean {
  return failure.kind === 'refused' && (failure.status === 413 || failure.details.some((detail) => detail.path === 'size' || detail.path.endsWith('.size')));
}
