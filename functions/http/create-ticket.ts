import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { createTicketBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { parseIdempotencyKey, parseJsonBody, validate } from '#shared/http/request-parsing';
import { createTicket } from '#shared/use-cases/create-ticket';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const body = validate(createTicketBodySchema, parseJsonBody(event), 'ticket');
  const { ticket, created } = await createTicket(assignmentDepsFromEnv(), principal, body, { idempotencyKey: parseIdempotencyKey(event) });
  return jsonResponse(created ? 201 : 200, { ticket: ticketView(ticket) }, { location: `/tickets/${ticket.key}`, etag: etagOf(ticket.version) });
});
