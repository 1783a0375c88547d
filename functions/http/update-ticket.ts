import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { updateTicketBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { parseIfMatch, parseJsonBody, validate } from '#shared/http/request-parsing';
import { updateTicket } from '#shared/use-cases/update-ticket';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const body = validate(updateTicketBodySchema, parseJsonBody(event), 'update');
  const deps = assignmentDepsFromEnv();
  const ticket = await updateTicket(deps, principal, key, body, parseIfMatch(event));
  return jsonResponse(200, { ticket: ticketView(ticket, deps) }, { etag: etagOf(ticket.version) });
});
