import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { deskQueueQuerySchema } from '#shared/http/list-query-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { ticketPageView } from '#shared/http/ticket-view';
import { validate } from '#shared/http/request-parsing';
import { getDeskQueue } from '#shared/use-cases/get-desk-queue';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const query = validate(deskQueueQuerySchema, event.queryStringParameters ?? {}, 'query');
  const deps = ticketReadDepsFromEnv();
  return jsonResponse(200, ticketPageView(await getDeskQueue(deps, principal, event.pathParameters?.id ?? '', query), deps));
});
