import { ticketDepsFromEnv } from '#shared/composition/ticket-deps-from-env';
import { resolutionBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { ticketView } from '#shared/http/ticket-view';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { decideResolution } from '#shared/use-cases/decide-resolution';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const body = validate(resolutionBodySchema, parseJsonBody(event), 'decision');
  const deps = ticketDepsFromEnv();
  const ticket = await decideResolution(deps, principal, key, body);
  return jsonResponse(200, { ticket: ticketView(ticket, deps) }, { etag: etagOf(ticket.version) });
});
