import { describe, expect, it } from 'vitest';
import type { ServiceDeskConfigInput } from '../../../shared/config/config-schema.ts';
import { findCatalogItem } from '../../../shared/domain/catalog.ts';
import { routeRequest, type RoutingInput } from '../../../shared/domain/routing.ts';
import { catalogConfig } from './catalog-config.ts';

type RuleInput = NonNullable<ServiceDeskConfigInput['routingRules']>[number];

const plain = catalogConfig();

/** Routes a request for jane by email, overriding any part of the input. */
function route(rules: RuleInput[], overrides: Partial<Omit<RoutingInput, 'config'>> & { item?: string } = {}) {
  const config = rules.length ? catalogConfig({ routingRules: rules }) : plain;
  const { item, ...rest } = overrides;
  return routeRequest({
    config,
    requester: { email: 'jane@example.org' },
    channel: 'email',
    subject: 'My printer is broken',
    ...(item ? { catalogItem: findCatalogItem(config, item)! } : {}),
    ...rest,
  });
}

const matched = (rules: RuleInput[], overrides: Parameters<typeof route>[1] = {}) => route(rules, overrides).decisions.find((d) => d.step === 'rule')?.id;

describe('routing without rules', () => {
  it("starts at the default desk's first level with priority P3 and no tags", () => {
    expect(route([])).toEqual({
      desk: 'it',
      level: 'l1',
      priority: 'P3',
      tags: [],
      decisions: [{ step: 'default', detail: 'default desk it, level l1' }],
    });
  });

  it('starts a mail to a desk address at that desk, where a rule may still move it', () => {
    expect(route([], { addressedDesk: 'facilities' })).toMatchObject({
      desk: 'facilities',
      level: 'f1',
      decisions: [
        { step: 'default', detail: 'default desk it, level l1' },
        { step: 'address', detail: "mailed to desk facilities's address: desk facilities, level f1" },
      ],
    });
    expect(route([{ id: 'to-hr', when: { channels: ['email'] }, then: { desk: 'hr' } }], { addressedDesk: 'facilities' })).toMatchObject({ desk: 'hr', level: 'l1' });
    // The default desk's own address changes nothing.
    expect(route([], { addressedDesk: 'it' }).decisions).toEqual([{ step: 'default', detail: 'default desk it, level l1' }]);
  });

  it("takes the catalog item's inherited desk, level and priority", () => {
    const result = route([], { item: 'laptop' });
    expect(result).toMatchObject({ desk: 'it', level: 'l2', priority: 'P3' });
    expect(result.decisions[1]).toEqual({ step: 'catalog', id: 'laptop', detail: 'catalog item IT > Hardware > New laptop: desk it, level l2, priority P3' });
  });

  it("uses the first level of a catalog item's desk when it names no level", () => {
    expect(route([], { item: 'payroll' })).toMatchObject({ desk: 'hr', level: 'l1' });
    expect(route([], { item: 'furniture' })).toMatchObject({ desk: 'facilities', level: 'f1' });
  });
});

describe('priority precedence: rule > explicit > catalog > impact x urgency > P3', () => {
  const raise = { id: 'raise', when: {}, then: { priority: 'P1' } } satisfies RuleInput;

  it('uses impact x urgency over the default', () => {
    expect(route([], { impactUrgencyPriority: 'P2' }).priority).toBe('P2');
  });

  it("uses the catalog item's priority over impact x urgency", () => {
    expect(route([], { item: 'monitor', impactUrgencyPriority: 'P2' }).priority).toBe('P4');
  });

  it("keeps an explicit priority over the catalog item's, and says so", () => {
    const result = route([], { item: 'monitor', priority: 'P2', impactUrgencyPriority: 'P1' });
    expect(result.priority).toBe('P2');
    expect(result.decisions[1]!.detail).toContain('priority P4 not applied: P2 was given');
  });

  it('lets a matching rule override even an explicit priority', () => {
    const result = route([raise], { item: 'monitor', priority: 'P4' });
    expect(result.priority).toBe('P1');
    expect(result.decisions.at(-1)).toEqual({ step: 'rule', id: 'raise', detail: 'routed by rule raise: priority P1 (was P4)' });
  });

  it('leaves the priority alone when the matching rule sets none', () => {
    expect(route([{ id: 'tag-only', when: {}, then: { tags: ['seen'] } }], { priority: 'P4' }).priority).toBe('P4');
  });
});

describe('routing rule conditions', () => {
  const rule = (when: RuleInput['when']): RuleInput => ({ id: 'r', when, then: { tags: ['matched'] } });

  it('compares priorities with the priority before any rule applies', () => {
    expect(matched([rule({ priorities: ['P1', 'P2'] })], { impactUrgencyPriority: 'P2' })).toBe('r');
    expect(matched([rule({ priorities: ['P1', 'P2'] })], { item: 'monitor', impactUrgencyPriority: 'P1' })).toBeUndefined();
    expect(matched([rule({ priorities: ['P3'] })])).toBe('r');
  });

  it('matches vip against the requester, counting an unknown flag as not VIP', () => {
    expect(matched([rule({ vip: true })], { requester: { email: 'ceo@example.org', vip: true } })).toBe('r');
    expect(matched([rule({ vip: true })])).toBeUndefined();
    expect(matched([rule({ vip: false })])).toBe('r');
    expect(matched([rule({ vip: false })], { requester: { email: 'ceo@example.org', vip: true } })).toBeUndefined();
  });

  it('matches any of the organisations, ignoring case, and not a requester without one', () => {
    const when = { organisations: ['Acme Retail', 'Acme Labs'] };
    expect(matched([rule(when)], { requester: { email: 'a@example.org', organisation: 'acme labs' } })).toBe('r');
    expect(matched([rule(when)], { requester: { email: 'a@example.org', organisation: 'Acme Bank' } })).toBeUndefined();
    expect(matched([rule(when)])).toBeUndefined();
  });

  it('matches any of the locations', () => {
    const when = { locations: ['Berlin', 'Lisbon'] };
    expect(matched([rule(when)], { requester: { email: 'a@example.org', location: 'Lisbon' } })).toBe('r');
    expect(matched([rule(when)], { requester: { email: 'a@example.org', location: 'Porto' } })).toBeUndefined();
  });

  it('matches a catalog item that is one of the nodes or below one, never a request without an item', () => {
    const when = { catalog: ['hardware'] };
    expect(matched([rule(when)], { item: 'hardware' })).toBe('r');
    expect(matched([rule(when)], { item: 'laptop' })).toBe('r');
    expect(matched([rule(when)], { item: 'system-access' })).toBeUndefined();
    expect(matched([rule(when)])).toBeUndefined();
  });

  it('matches any of the channels', () => {
    expect(matched([rule({ channels: ['api', 'email'] })])).toBe('r');
    expect(matched([rule({ channels: ['api'] })])).toBeUndefined();
  });

  it('matches subject keywords as case-insensitive parts of the subject', () => {
    expect(matched([rule({ subjectKeywords: ['server', 'PRINTER'] })])).toBe('r');
    expect(matched([rule({ subjectKeywords: ['is broken'] })])).toBe('r');
    expect(matched([rule({ subjectKeywords: ['outage'] })])).toBeUndefined();
  });

  it('needs every condition a rule gives to hold', () => {
    const when = { vip: true, channels: ['email' as const], subjectKeywords: ['printer'] };
    const vip = { email: 'ceo@example.org', vip: true };
    expect(matched([rule(when)], { requester: vip })).toBe('r');
    expect(matched([rule(when)], { requester: vip, channel: 'api' })).toBeUndefined();
    expect(matched([rule(when)], { requester: vip, subject: 'Laptop is slow' })).toBeUndefined();
    expect(matched([rule(when)])).toBeUndefined();
  });

  it('matches every request with a rule that has no conditions', () => {
    expect(matched([rule({})])).toBe('r');
  });
});

describe('routing rule outcomes', () => {
  const vip = { email: 'ceo@example.org', vip: true };

  it('applies only the first matching rule, in order', () => {
    const rules: RuleInput[] = [
      { id: 'never', when: { channels: ['api'] }, then: { desk: 'hr' } },
      { id: 'vip-to-l2', when: { vip: true }, then: { level: 'l2', priority: 'P1', tags: ['vip'] } },
      { id: 'printers', when: { subjectKeywords: ['printer'] }, then: { desk: 'facilities', tags: ['printer'] } },
    ];
    const result = route(rules, { requester: vip });
    expect(result).toMatchObject({ desk: 'it', level: 'l2', priority: 'P1', tags: ['vip'] });
    expect(result.decisions.map((decision) => decision.id ?? decision.step)).toEqual(['default', 'vip-to-l2']);
    expect(result.decisions[1]!.detail).toBe('routed by rule vip-to-l2: level l2, priority P1 (was P3), tags vip');
    expect(route(rules).decisions.at(-1)!.id).toBe('printers');
  });

  it("overrides the catalog item's desk and starts at the new desk's first level", () => {
    const result = route([{ id: 'to-facilities', when: { catalog: ['hardware'] }, then: { desk: 'facilities' } }], { item: 'laptop' });
    expect(result).toMatchObject({ desk: 'facilities', level: 'f1', priority: 'P3' });
    expect(result.decisions.map((decision) => decision.step)).toEqual(['default', 'catalog', 'rule']);
    expect(result.decisions[2]!.detail).toBe('routed by rule to-facilities: desk facilities, level f1');
  });

  it("keeps the catalog item's level when the rule names the desk it is already on", () => {
    expect(route([{ id: 'stay', when: {}, then: { desk: 'it', tags: ['x'] } }], { item: 'outage' })).toMatchObject({ desk: 'it', level: 'l3' });
  });

  it("uses the desk's first level when the rule's level does not exist there, and says so", () => {
    // Valid configuration: some desk has l3, but the routed desk (HR) has not.
    const result = route([{ id: 'deep', when: { catalog: ['hr-services'] }, then: { level: 'l3' } }], { item: 'payroll' });
    expect(result).toMatchObject({ desk: 'hr', level: 'l1' });
    expect(result.decisions.at(-1)).toEqual({ step: 'rule', id: 'deep', detail: 'routed by rule deep: level l1 (desk hr has no level l3; used its first level)' });
  });

  it('adds the tags of the rule once each', () => {
    expect(route([{ id: 't', when: {}, then: { tags: ['vip', 'exec', 'vip'] } }]).tags).toEqual(['vip', 'exec']);
  });

  it('records no rule decision when no rule matches', () => {
    const result = route([{ id: 'never', when: { channels: ['api'] }, then: { desk: 'hr' } }], { item: 'laptop' });
    expect(result.decisions.map((decision) => decision.step)).toEqual(['default', 'catalog']);
    expect(result).toMatchObject({ desk: 'it', level: 'l2' });
  });
});
