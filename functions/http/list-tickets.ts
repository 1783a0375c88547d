import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { listTicketsQuerySchema } from '#shared/http/list-query-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { ticketPageView } from '#shared/http/ticket-view';
import { validate } from '#shared/http/request-parsing';
import { listTickets } from '#shared/use-cases/list-tickets';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const query = validate(listTicketsQuerySchema, event.queryStringParameters ?? {}, 'query');
  const deps = ticketReadDepsFromEnv();
  return jsonResponse(200, ticketPageView(await listTickets(deps, principal, query), deps));
});
