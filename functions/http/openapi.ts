import { loadOpenApiDocument } from '#openapi-document-loader';
import { publicRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';

/** Generated at synth for the bundle; built once per process where the code runs as it is. */
const document = loadOpenApiDocument();

export const handler = publicRoute(async () => jsonResponse(200, document, { 'cache-control': 'public, max-age=300' }));
