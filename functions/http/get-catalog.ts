import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { getCatalog } from '#shared/use-cases/get-catalog';

// The catalog changes only with a deployment; a minute of private caching spares repeated page loads.
const CACHE_CONTROL = 'private, max-age=60';

export const handler = authenticatedRoute(async ({ principal }) => {
  return jsonResponse(200, getCatalog({ config: serviceDeskConfig() }, principal), { 'cache-control': CACHE_CONTROL });
});
