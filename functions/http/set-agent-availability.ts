import { assignmentStoreFromEnv } from '#shared/composition/assignment-store-from-env';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { setAvailabilityBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import * as z from '#shared/schema/zod-mini';
import { setAgentAvailability } from '#shared/use-cases/set-agent-availability';

const agentEmailSchema = z.email().check(z.maxLength(254));

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const email = validate(agentEmailSchema, event.pathParameters?.email, 'agent email', 'email');
  const body = validate(setAvailabilityBodySchema, parseJsonBody(event), 'availability');
  const deps = { assignments: assignmentStoreFromEnv(), config: serviceDeskConfig(), now: () => new Date() };
  return jsonResponse(200, await setAgentAvailability(deps, principal, email, body));
});
