import { ticketDepsFromEnv } from '#shared/composition/ticket-deps-from-env';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { commentIdParamSchema } from '#shared/http/participant-schemas';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { validate } from '#shared/http/request-parsing';
import { ticketView } from '#shared/http/ticket-view';
import { acceptSender } from '#shared/use-cases/accept-sender';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const commentId = validate(commentIdParamSchema, event.pathParameters?.commentId?.toUpperCase(), 'comment id', 'commentId');
  const deps = ticketDepsFromEnv();
  const { accepted: _accepted, ...result } = await acceptSender(deps, principal, key, commentId);
  return jsonResponse(200, { ...result, ticket: ticketView(result.ticket, deps) }, { etag: etagOf(result.ticket.version) });
});
