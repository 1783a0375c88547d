import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { getTicket } from '#shared/use-cases/get-ticket';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const deps = ticketReadDepsFromEnv();
  const result = await getTicket(deps, principal, ticketKeyParam(event));
  return jsonResponse(200, { ...result, ticket: ticketView(result.ticket, deps) }, { etag: etagOf(result.ticket.version) });
});
