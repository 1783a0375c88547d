import { s3UploadStoreFromEnv } from '#shared/adapters/s3/s3-upload-store';
import { ticketDepsFromEnv } from '#shared/composition/ticket-deps-from-env';
import { addCommentBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { parseIdempotencyKey, parseJsonBody, validate } from '#shared/http/request-parsing';
import { addComment } from '#shared/use-cases/add-comment';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const body = validate(addCommentBodySchema, parseJsonBody(event), 'comment');
  const idempotencyKey = parseIdempotencyKey(event);
  // Built only when files come with the request: one without them needs no upload bucket.
  const uploads = body.attachments?.length ? { uploads: s3UploadStoreFromEnv() } : {};
  const deps = ticketDepsFromEnv();
  const { created, ...result } = await addComment({ ...deps, ...uploads }, principal, key, body, idempotencyKey ? { idempotencyKey } : {});
  return jsonResponse(created ? 201 : 200, { ...result, ticket: ticketView(result.ticket, deps) }, { etag: etagOf(result.ticket.version) });
});
