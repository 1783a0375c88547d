import { queueCountsFromEnv } from '#shared/composition/queue-counts-from-env';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { getMyQueues } from '#shared/use-cases/get-my-queues';

export const handler = authenticatedRoute(async ({ principal }) => {
  return jsonResponse(200, await getMyQueues({ config: serviceDeskConfig(), counts: queueCountsFromEnv() }, principal));
});
