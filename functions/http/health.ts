import { jsonResponse } from '#shared/http/json-response';
import { publicRoute } from '#shared/http/http-handler';

/** Liveness for load balancers and uptime checks: no auth, no table access. */
export const handler = publicRoute(async () => jsonResponse(200, { status: 'ok' }));
