import { assignmentStoreFromEnv } from '#shared/composition/assignment-store-from-env';
import { queueCountsFromEnv } from '#shared/composition/queue-counts-from-env';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { getDeskTeam } from '#shared/use-cases/get-desk-team';

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const deps = { config: serviceDeskConfig(), counts: queueCountsFromEnv(), assignments: assignmentStoreFromEnv() };
  return jsonResponse(200, await getDeskTeam(deps, principal, event.pathParameters?.id ?? ''));
});
