/**
 * The OpenAPI document the `openapi` function serves: generated at `cdk synth` (it depends only on
 * the code), written as an ES module of plain data that an esbuild alias puts in place of the
 * package import `#openapi-document-loader` (shared/http/load-openapi-document.ts). The function
 * then starts without the schemas and converts nothing.
 */
import { openApiDocument } from '../../shared/http/openapi-document.ts';
import { writeGeneratedModule } from './generated-module.ts';

/** The package import that the bundles resolve to the generated document. */
export const OPENAPI_LOADER_IMPORT = '#openapi-document-loader';

let shipped: string | undefined;

/** The module of the document, written once per synthesis. */
export function shippedOpenApiModule(): string {
  shipped ??= writeGeneratedModule(
    'openapi',
    `// The OpenAPI document as generated at cdk synth.\nconst document = JSON.parse(${JSON.stringify(JSON.stringify(openApiDocument()))});\nexport function loadOpenApiDocument() {\n  return document;\n}\n`,
  );
  return shipped;
}
