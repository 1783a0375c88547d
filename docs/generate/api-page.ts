/**
 * The generated part of docs/api.md: every operation of the OpenAPI document (who may call it,
 * what it does, its parameters, body and responses) and the authorisation table. `npm run
 * docs:generate:api` rewrites that part; test/unit/docs/api-page.test.ts fails while it is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openApiDocument } from '../../shared/http/openapi-document.ts';

export const API_PAGE_FILE = new URL('../api.md', import.meta.url);
export const GENERATED_START = '<!-- generated from the OpenAPI document by npm run docs:generate; do not edit -->';
export const GENERATED_END = '<!-- end of generated part -->';

type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}

interface Response {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  'x-callers'?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
}

interface Document {
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, Response> };
}

interface Located {
  method: string;
  path: string;
  operation: Operation;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Renders the reference part of docs/api.md (without its markers) from an OpenAPI 3.1 document. */
export function renderApiReference(input: object): string {
  const document = input as Document;
  const operations = operationsOf(document);
  const lines: string[] = [
    '## Who may call what',
    '',
    'Each operation, the token it needs and who may call it (`x-callers` in the document). The statuses behind these words, caller by caller, are the table in `test/integration/authorization.test.ts`.',
    '',
    '| Operation | Method and path | Token | Who may call it |',
    '|---|---|---|---|',
    ...operations.map(
      ({ method, path, operation }) =>
        `| [${operation.operationId}](#${operation.operationId.toLowerCase()}) | \`${method.toUpperCase()} ${path}\` | ${tokenOf(document, operation)} | ${cell(operation['x-callers'] ?? '')} |`,
    ),
    '',
    '## Operations',
  ];
  for (const tag of tagsOf(document, operations)) {
    lines.push('', `### ${tag.name}`, '');
    if (tag.description) lines.push(`${sentence(tag.description)}`, '');
    for (const located of operations.filter(({ operation }) => (operation.tags?.[0] ?? 'Other') === tag.name)) {
      lines.push(...renderOperation(document, located), '');
    }
    lines.pop();
  }
  return `${lines.join('\n')}\n`;
}

function renderOperation(document: Document, { method, path, operation }: Located): string[] {
  const lines = [
    `#### ${operation.operationId}`,
    '',
    `\`${method.toUpperCase()} ${path}\`: ${operation.summary ?? ''}`.trimEnd(),
    '',
    `Who may call it: ${sentence(operation['x-callers'] ?? 'not stated')} Token: ${tokenOf(document, operation)}.`,
  ];
  if (operation.description) lines.push('', operation.description);

  const parameters = operation.parameters ?? [];
  if (parameters.length > 0) {
    lines.push('', 'Parameters:', '', '| Name | In | Required | Values | Description |', '|---|---|---|---|---|');
    for (const parameter of parameters) {
      lines.push(`| \`${parameter.name}\` | ${parameter.in} | ${parameter.required ? 'yes' : 'no'} | ${cell(valuesOf(parameter.schema ?? {}))} | ${cell(parameter.description ?? '')} |`);
    }
  }

  const body = operation.requestBody;
  if (body?.content) {
    const contentTypes = Object.keys(body.content);
    lines.push('', `Request body (${contentTypes.join(' or ')}; ${body.required ? 'required' : 'optional'}):`);
    for (const [contentType, { schema }] of Object.entries(body.content)) {
      if (contentTypes.length > 1) lines.push('', `As ${contentType}: ${typeOf(schema ?? {})}.`);
      lines.push(...fieldTable(document, schema ?? {}));
    }
  }

  lines.push('', 'Responses:', '', '| Status | Description | Body |', '|---|---|---|');
  for (const [status, reference] of Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b))) {
    const response = resolveResponse(document, reference);
    const bodies = Object.entries(response.content ?? {}).map(([contentType, { schema }]) => (contentType === 'application/json' ? typeOf(schema ?? {}) : `${contentType}`));
    lines.push(`| ${status} | ${cell(response.description ?? '')} | ${cell(bodies.join(' or ') || 'none')} |`);
  }
  return lines;
}

/** The fields of an object body: name, whether required, its type and its description. */
function fieldTable(document: Document, schema: Schema): string[] {
  const resolved = resolveSchema(document, schema);
  const properties = resolved.properties as Record<string, Schema> | undefined;
  if (!properties || Object.keys(properties).length === 0) return [];
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  return [
    '',
    '| Field | Required | Values | Description |',
    '|---|---|---|---|',
    ...Object.entries(properties).map(([name, field]) => `| \`${name}\` | ${required.has(name) ? 'yes' : 'no'} | ${cell(valuesOf(field))} | ${cell(String(resolveSchema(document, field).description ?? ''))} |`),
  ];
}

function operationsOf(document: Document): Located[] {
  return Object.entries(document.paths).flatMap(([path, item]) => METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method]! })));
}

/** The document's tags in their order, then any tag an operation names without declaring it. */
function tagsOf(document: Document, operations: readonly Located[]): { name: string; description?: string }[] {
  const declared = document.tags ?? [];
  const used = [...new Set(operations.map(({ operation }) => operation.tags?.[0] ?? 'Other'))];
  return [...declared.filter((tag) => used.includes(tag.name)), ...used.filter((name) => !declared.some((tag) => tag.name === name)).map((name) => ({ name }))];
}

function tokenOf(document: Document, operation: Operation): string {
  const security = operation.security ?? document.security ?? [];
  return security.length === 0 || security.every((requirement) => Object.keys(requirement).length === 0) ? 'none' : 'bearer';
}

function resolveResponse(document: Document, response: Response): Response {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  return document.components?.responses?.[name] ?? { description: `(missing ${response.$ref})` };
}

function resolveSchema(document: Document, schema: Schema): Schema {
  const reference = schema.$ref;
  if (typeof reference !== 'string') return schema;
  return document.components?.schemas?.[reference.replace('#/components/schemas/', '')] ?? {};
}

/** A short type: a component's name, enum values, `string (email)`, `array of X`, or `object (a, b)`. */
function typeOf(schema: Schema): string {
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/components/schemas/', '');
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `\`${String(value)}\``).join(', ');
  if ('const' in schema) return `\`${String(schema.const)}\``;
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return alternatives.map(typeOf).join(' or ');
  if (schema.type === 'array') return `array of ${typeOf((schema.items as Schema | undefined) ?? {})}`;
  if (schema.type === 'object' && schema.properties) return `object (${Object.keys(schema.properties as object).join(', ')})`;
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : typeof schema.type === 'string' ? schema.type : 'any';
  return typeof schema.format === 'string' ? `${type} (${schema.format})` : type;
}

/** The type with its bounds and default, as far as the schema gives them. */
function valuesOf(schema: Schema): string {
  const parts = [typeOf(schema)];
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') parts.push(`${schema.minimum} to ${schema.maximum}`);
  else if (typeof schema.maximum === 'number') parts.push(`at most ${schema.maximum}`);
  if (typeof schema.maxLength === 'number') parts.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.maxItems === 'number') parts.push(`at most ${schema.maxItems} items`);
  if (schema.default !== undefined) parts.push(`default \`${JSON.stringify(schema.default)}\``);
  return parts.join('; ');
}

/** Text that fits in one table cell. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The generated part of a page, between its markers, or undefined when the markers are missing. */
export function generatedPartOf(page: string): string | undefined {
  const start = page.indexOf(GENERATED_START);
  const end = page.indexOf(GENERATED_END);
  if (start < 0 || end < start) return undefined;
  return page
    .slice(start + GENERATED_START.length, end)
    .replace(/^\n+/, '')
    .replace(/\n+$/, '\n');
}

/** The page with its generated part replaced by `reference`; the hand-written part stays as it is. */
export function withGeneratedPart(page: string, reference: string): string {
  const start = page.indexOf(GENERATED_START);
  const end = page.indexOf(GENERATED_END);
  if (start < 0 || end < start) throw new Error(`The page has no generated part: add the lines ${GENERATED_START} and ${GENERATED_END}`);
  return `${page.slice(0, start + GENERATED_START.length)}\n\n${reference}\n${page.slice(end)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const page = await readFile(API_PAGE_FILE, 'utf8');
  await writeFile(API_PAGE_FILE, withGeneratedPart(page, renderApiReference(openApiDocument())));
  console.log(`Wrote the generated part of ${fileURLToPath(API_PAGE_FILE)}`);
}
