import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { approvalBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { decideApproval } from '#shared/use-cases/decide-approval';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const body = validate(approvalBodySchema, parseJsonBody(event), 'decision');
  const deps = assignmentDepsFromEnv();
  const ticket = await decideApproval(deps, principal, key, body);
  return jsonResponse(200, { ticket: ticketView(ticket, deps) }, { etag: etagOf(ticket.version) });
});
