import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../../functions/http/routes.ts';
import { openApiDocument } from '../../../shared/http/openapi-document.ts';

describe('the OpenAPI document', () => {
  const document = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };

  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route the API serves', () => {
    for (const route of HTTP_ROUTES) expect(document.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
  });

  it('describes only routes the API serves, each with an operationId of its own', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation: operation as { operationId?: string; 'x-callers'?: string } })),
    );
    const served = new Set(HTTP_ROUTES.map((route) => `${route.method} ${route.path}`));
    for (const { route, operation } of operations) {
      expect(served.has(route), `${route} is described but not served`).toBe(true);
      expect(operation.operationId, route).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(operation['x-callers'], `${route}: who may call it`).toBeTruthy();
    }
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every reference at a schema that exists', () => {
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(5);
    for (const name of references) expect(document.components.schemas[name], name).toBeDefined();
  });

  it('documents request bodies as clients send them (defaults make fields optional)', () => {
    const create = document.components.schemas.CreateTicket as { required?: string[] };
    expect(create.required).toEqual(['subject']);
  });
});
