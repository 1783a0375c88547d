import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { myApprovalsQuerySchema } from '#shared/http/list-query-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { validate } from '#shared/http/request-parsing';
import { listMyApprovals } from '#shared/use-cases/list-my-approvals';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const query = validate(myApprovalsQuerySchema, event.queryStringParameters ?? {}, 'query');
  return jsonResponse(200, await listMyApprovals(ticketReadDepsFromEnv(), principal, query));
});
