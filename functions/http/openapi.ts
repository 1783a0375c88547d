import { publicRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { openApiDocument } from '#shared/http/openapi-document';

/** Built once per cold start: the document depends only on the code. */
const document = openApiDocument();

export const handler = publicRoute(async () => jsonResponse(200, document, { 'cache-control': 'public, max-age=300' }));
