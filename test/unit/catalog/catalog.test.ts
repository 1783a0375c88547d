import { describe, expect, it } from 'vitest';
import { findCatalogItem, isWithin } from '../../../shared/domain/catalog.ts';
import { catalogConfig } from './catalog-config.ts';

const config = catalogConfig();

describe('finding a catalog item', () => {
  it('resolves a leaf with its path, names and what it inherits', () => {
    const item = findCatalogItem(config, 'laptop')!;
    expect(item.node.id).toBe('laptop');
    expect(item.path.map((node) => node.id)).toEqual(['it-services', 'hardware', 'laptop']);
    expect(item.names).toEqual(['IT', 'Hardware', 'New laptop']);
    expect(item).toMatchObject({ desk: 'it', level: 'l2', type: 'service_request', priority: 'P3' });
    expect(item.form.map((field) => field.id)).toEqual(['model', 'neededBy']);
    expect(item.approval).toEqual([{ kind: 'requester_manager' }]);
  });

  it('lets a node override what its ancestors set', () => {
    expect(findCatalogItem(config, 'monitor')).toMatchObject({ desk: 'it', level: 'l2', type: 'service_request', priority: 'P4' });
    expect(findCatalogItem(config, 'outage')).toMatchObject({ desk: 'it', level: 'l3', type: 'incident', priority: 'P1' });
  });

  it("does not carry an ancestor's level into another desk", () => {
    // Facilities also has a level l2, which would be a silent mistake to pick.
    expect(findCatalogItem(config, 'furniture')).toMatchObject({ desk: 'facilities', level: undefined, priority: 'P3' });
  });

  it('falls back to the default desk, its first level and the incident type', () => {
    const item = findCatalogItem(config, 'general')!;
    expect(item).toMatchObject({ desk: 'it', level: undefined, type: 'incident', priority: undefined, names: ['Something else'] });
    expect(item.form).toEqual([]);
    expect(item.approval).toEqual([]);
  });

  it('resolves inner nodes too, not only leaves', () => {
    expect(findCatalogItem(config, 'hr-services')).toMatchObject({ desk: 'hr', type: 'service_request', names: ['HR'] });
    expect(findCatalogItem(config, 'payroll')).toMatchObject({ desk: 'hr', level: undefined, type: 'service_request', names: ['HR', 'Payroll question'] });
  });

  it('gives undefined for an id that is not in the catalog', () => {
    expect(findCatalogItem(config, 'teleporter')).toBeUndefined();
    expect(findCatalogItem(catalogConfig({ catalog: [] }), 'laptop')).toBeUndefined();
  });

  it('answers repeated lookups with the same frozen item', () => {
    const item = findCatalogItem(config, 'laptop')!;
    expect(findCatalogItem(config, 'laptop')).toBe(item);
    expect(Object.isFrozen(item) && Object.isFrozen(item.names) && Object.isFrozen(item.path)).toBe(true);
  });

  it('indexes each configuration separately', () => {
    const other = catalogConfig({ catalog: [{ id: 'laptop', name: 'Loaner laptop', desk: 'facilities' }] });
    expect(findCatalogItem(other, 'laptop')).toMatchObject({ desk: 'facilities', names: ['Loaner laptop'] });
    expect(findCatalogItem(config, 'laptop')).toMatchObject({ desk: 'it', names: ['IT', 'Hardware', 'New laptop'] });
  });
});

describe('whether an item is within a part of the catalog', () => {
  it('is within itself', () => {
    expect(isWithin(config, 'laptop', ['laptop'])).toBe(true);
  });

  it('is within its parent and every further ancestor', () => {
    expect(isWithin(config, 'laptop', ['hardware'])).toBe(true);
    expect(isWithin(config, 'laptop', ['it-services'])).toBe(true);
  });

  it('is within the list when any one of the ids holds it', () => {
    expect(isWithin(config, 'payroll', ['access', 'hr-services'])).toBe(true);
  });

  it('is not within a sibling, a descendant or another branch', () => {
    expect(isWithin(config, 'laptop', ['monitor'])).toBe(false);
    expect(isWithin(config, 'hardware', ['laptop'])).toBe(false);
    expect(isWithin(config, 'laptop', ['hr-services', 'access'])).toBe(false);
  });

  it('is never true for an unknown item or an empty list', () => {
    expect(isWithin(config, 'teleporter', ['it-services'])).toBe(false);
    expect(isWithin(config, 'laptop', [])).toBe(false);
  });
});
