import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { historyQuerySchema } from '#shared/http/list-query-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { validate } from '#shared/http/request-parsing';
import { getTicketHistory } from '#shared/use-cases/get-ticket-history';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const query = validate(historyQuerySchema, event.queryStringParameters ?? {}, 'query');
  return jsonResponse(200, await getTicketHistory(ticketReadDepsFromEnv(), principal, key, query));
});
