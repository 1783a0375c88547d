import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/principal.ts';
import { SCOPES } from '../../../shared/auth/scopes.ts';
import { ForbiddenError } from '../../../shared/errors.ts';
import { catalogResponseSchema, type CatalogResponse } from '../../../shared/http/catalog-schemas.ts';
import { getCatalog } from '../../../shared/use-cases/get-catalog.ts';
import { catalogConfig } from './catalog-config.ts';

const config = catalogConfig();
const requester: Principal = { kind: 'user', sub: 'u-1', email: 'jane@example.org', roles: [] };
const PRIVATE_KEYS = ['desk', 'level', 'priority', 'approval', 'email', 'group'];

/** Every key used anywhere in a JSON value. */
function keysIn(value: unknown): Set<string> {
  const keys = new Set<string>();
  const visit = (inner: unknown) => {
    if (Array.isArray(inner)) inner.forEach(visit);
    else if (inner && typeof inner === 'object') {
      for (const [key, child] of Object.entries(inner)) {
        keys.add(key);
        visit(child);
      }
    }
  };
  visit(value);
  return keys;
}

describe('the catalog requesters see', () => {
  it('keeps the tree, names, descriptions and inherited types', () => {
    const { catalog } = getCatalog({ config }, requester);
    expect(catalog.map((node) => node.id)).toEqual(['it-services', 'hr-services', 'general']);
    const itServices = catalog[0]!;
    expect(itServices).toMatchObject({ name: 'IT', description: 'Computers, accounts and software', type: 'incident', requiresApproval: false });
    expect(itServices.children.map((node) => node.id)).toEqual(['hardware', 'access', 'outage']);
    expect(itServices.children[0]!.children.map((node) => [node.id, node.type])).toEqual([
      ['laptop', 'service_request'],
      ['monitor', 'service_request'],
      ['furniture', 'service_request'],
    ]);
    expect(catalog[1]!.children[0]).toEqual({ id: 'payroll', name: 'Payroll question', pinned: false, type: 'service_request', requiresApproval: false, form: [], children: [] });
  });

  it('shows the request form and whether an item needs approval, but not who approves', () => {
    const laptop = getCatalog({ config }, requester).catalog[0]!.children[0]!.children[0]!;
    expect(laptop).toEqual({
      id: 'laptop',
      name: 'New laptop',
      pinned: false,
      type: 'service_request',
      requiresApproval: true,
      form: [
        { id: 'model', label: 'Model', type: 'choice', required: true, options: ['Laptop', 'Desktop'], help: 'Pick one' },
        { id: 'neededBy', label: 'Needed by', type: 'date', required: false },
      ],
      children: [],
    });
    expect(getCatalog({ config }, requester).catalog[0]!.children[1]!.children[0]!.requiresApproval).toBe(true);
  });

  it('says which items are pinned to the home page', () => {
    const pinnedConfig = catalogConfig({
      catalog: [
        {
          id: 'general',
          name: 'General',
          desk: 'it',
          children: [
            { id: 'password', name: 'Password reset', pinned: true },
            { id: 'other', name: 'Something else' },
          ],
        },
      ],
    });
    const [general] = getCatalog({ config: pinnedConfig }, requester).catalog;
    expect(general!.pinned).toBe(false);
    expect(general!.children.map((node) => [node.id, node.pinned])).toEqual([
      ['password', true],
      ['other', false],
    ]);
  });

  it('leaks no desk, level, priority or approver anywhere', () => {
    const keys = keysIn(getCatalog({ config }, requester));
    expect(PRIVATE_KEYS.filter((key) => keys.has(key))).toEqual([]);
    expect(JSON.stringify(getCatalog({ config }, requester))).not.toContain('victor.approver@example.com');
  });

  it('matches the response schema exactly', () => {
    const result: CatalogResponse = getCatalog({ config }, requester);
    const jsonSchema = z.toJSONSchema(catalogResponseSchema, { io: 'output' });
    expect(catalogResponseSchema.parse(result)).toEqual(result);
    expect(JSON.stringify(jsonSchema)).toContain('"additionalProperties":false');
  });

  it('is an empty list for a configuration without a catalog', () => {
    expect(getCatalog({ config: catalogConfig({ catalog: [] }) }, requester)).toEqual({ catalog: [] });
  });
});

describe('who may read the catalog', () => {
  it('lets staff and requesters read it', () => {
    expect(getCatalog({ config }, { kind: 'user', sub: 'u-2', roles: ['agent'] }).catalog).toHaveLength(3);
    expect(getCatalog({ config }, { kind: 'user', sub: 'u-3', roles: [] }).catalog).toHaveLength(3);
  });

  it('lets a machine client with the tickets.read scope read it', () => {
    expect(getCatalog({ config }, { kind: 'client', clientId: 'portal', scopes: [SCOPES.ticketsRead] }).catalog).toHaveLength(3);
  });

  it('refuses a machine client without the tickets.read scope', () => {
    expect(() => getCatalog({ config }, { kind: 'client', clientId: 'intake', scopes: [SCOPES.ticketsWrite] })).toThrow(ForbiddenError);
  });
});

describe('the catalog response schema', () => {
  it('names the recursive node CatalogNode for the API description', () => {
    const jsonSchema = z.toJSONSchema(catalogResponseSchema, { io: 'output' }) as { properties: Record<string, unknown>; $defs: Record<string, { properties: Record<string, unknown> }> };
    expect(jsonSchema.properties.catalog).toEqual({ type: 'array', items: { $ref: '#/$defs/CatalogNode' } });
    expect(jsonSchema.$defs.CatalogNode!.properties.children).toEqual({ type: 'array', items: { $ref: '#/$defs/CatalogNode' } });
    expect(Object.keys(jsonSchema.$defs).sort()).toEqual(['CatalogFormField', 'CatalogNode']);
  });
});
