import { s3UploadStoreFromEnv } from '#shared/adapters/s3/s3-upload-store';
import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { createTicketBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { parseIdempotencyKey, parseJsonBody, validate } from '#shared/http/request-parsing';
import { createTicket } from '#shared/use-cases/create-ticket';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const body = validate(createTicketBodySchema, parseJsonBody(event), 'ticket');
  // Built only when files come with the request: one without them needs no upload bucket.
  const uploads = body.attachments?.length ? { uploads: s3UploadStoreFromEnv() } : {};
  const deps = assignmentDepsFromEnv();
  const { ticket, created } = await createTicket({ ...deps, ...uploads }, principal, body, { idempotencyKey: parseIdempotencyKey(event) });
  return jsonResponse(created ? 201 : 200, { ticket: ticketView(ticket, deps) }, { location: `/tickets/${ticket.key}`, etag: etagOf(ticket.version) });
});
