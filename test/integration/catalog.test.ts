import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogNode } from '../../shared/config/catalog-schema.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { catalogResponseSchema } from '../../shared/http/catalog-schemas.ts';
import { startTestApp, type TestApp, type TestResponse } from './harness.ts';

let app: TestApp;
let requester: string;

const PRIVATE_KEYS = ['desk', 'level', 'priority', 'approval', 'email', 'group', 'kind'];

/** Every key used anywhere in a JSON value. */
function keysIn(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((inner) => keysIn(inner, keys));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      keysIn(inner, keys);
    }
  }
  return keys;
}

/** The served node must mirror the configured one: same ids, names, forms and order, approval as a flag only. */
function expectMirrors(served: TestResponse['json'], node: CatalogNode, path: string): void {
  expect(served.id, path).toBe(node.id);
  expect(served.name, path).toBe(node.name);
  expect(served.description, path).toBe(node.description);
  expect(served.requiresApproval, path).toBe(node.approval.length > 0);
  expect(
    served.form.map((field: { id: string }) => field.id),
    path,
  ).toEqual(node.form.map((field) => field.id));
  served.form.forEach((field: Record<string, unknown>, index: number) => {
    const { id, label, type, required, help, options, min, max } = node.form[index]!;
    expect(field, `${path}.form[${index}]`).toMatchObject({ id, label, type, required });
    expect([field.help, field.options, field.min, field.max], `${path}.form[${index}]`).toEqual([help, options, min, max]);
  });
  if (node.type !== undefined) expect(served.type, path).toBe(node.type);
  expect(served.children, path).toHaveLength(node.children.length);
  node.children.forEach((child, index) => expectMirrors(served.children[index], child, `${path}.children[${index}]`));
}

beforeAll(async () => {
  app = await startTestApp();
  requester = await app.token({ email: 'someone@example.org' });
});

afterAll(() => app?.close());

describe('GET /catalog', () => {
  it('serves the configured catalog to any signed-in person, cacheable privately for a minute', async () => {
    const response = await app.request('GET', '/catalog', { token: requester });
    expect(response.status, response.text).toBe(200);
    expect(response.headers['cache-control']).toBe('private, max-age=60');
    expect(() => catalogResponseSchema.parse(response.json)).not.toThrow();

    const configured = serviceDeskConfig().catalog;
    expect(response.json.catalog).toHaveLength(configured.length);
    configured.forEach((node, index) => expectMirrors(response.json.catalog[index], node, `catalog[${index}]`));
  });

  it('shows no desks, levels, priorities or approvers anywhere in the tree', async () => {
    const response = await app.request('GET', '/catalog', { token: requester });
    const keys = keysIn(response.json);
    expect(PRIVATE_KEYS.filter((key) => keys.has(key))).toEqual([]);
    const approvers = serviceDeskConfig().groups.flatMap((group) => group.members);
    for (const approver of approvers) expect(response.text).not.toContain(approver);
  });

  it('serves staff and read clients the same catalog', async () => {
    const expected = (await app.request('GET', '/catalog', { token: requester })).json;
    const agent = await app.request('GET', '/catalog', { token: await app.token({ role: 'agent' }) });
    const client = await app.request('GET', '/catalog', { token: await app.token({ scopes: ['servicedesk/tickets.read'] }) });
    expect([agent.status, client.status]).toEqual([200, 200]);
    expect(agent.json).toEqual(expected);
    expect(client.json).toEqual(expected);
  });

  it('refuses a machine client without the tickets.read scope', async () => {
    const response = await app.request('GET', '/catalog', { token: await app.token({ scopes: ['servicedesk/tickets.write'] }) });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('forbidden');
  });

  it('answers 401 without a token', async () => {
    const response = await app.request('GET', '/catalog');
    expect(response.status).toBe(401);
  });
});
