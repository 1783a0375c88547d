import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../../shared/http/openapi-document.ts';

/** Where the web app's API types live; made from the API's own OpenAPI document. */
export const API_TYPES_FILE = new URL('../src/lib/api/schema.d.ts', import.meta.url);

const HEADER = "// Generated from the API's OpenAPI document by `npm run web:api`; do not edit.\n\n";

/** The TypeScript types of every path, operation and schema the API describes. */
export async function apiTypesSource(): Promise<string> {
  const document = openApiDocument() as unknown as Parameters<typeof openapiTS>[0];
  return HEADER + astToString(await openapiTS(document, { alphabetize: true }));
}
