import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { getAdminConfig } from '#shared/use-cases/get-admin-config';

export const handler = authenticatedRoute(async ({ principal }) => jsonResponse(200, getAdminConfig({ config: serviceDeskConfig() }, principal)));
