import { openApiDocument } from './openapi-document.ts';

/**
 * Generates the OpenAPI document from the schemas: what `npm start` and the tests run. The Lambda
 * bundles replace this module (package import `#openapi-document-loader`) with the document
 * generated at `cdk synth` (see infra/bundling/shipped-openapi.ts).
 */
export function loadOpenApiDocument(): ReturnType<typeof openApiDocument> {
  return openApiDocument();
}
