import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { escalateBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { escalateTicket } from '#shared/use-cases/escalate-ticket';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const body = validate(escalateBodySchema, parseJsonBody(event), 'escalation');
  const deps = assignmentDepsFromEnv();
  const ticket = await escalateTicket(deps, principal, key, body);
  return jsonResponse(200, { ticket: ticketView(ticket, deps) }, { etag: etagOf(ticket.version) });
});
