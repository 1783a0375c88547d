import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CONFIG_PAGE, configKeys, configLiteral, generatedPartOf, renderConfigReference, withGeneratedPart, type ConfigKey } from '../../../docs/generate/config-page.ts';
import { serviceDeskConfigSchema } from '../../../shared/config/config-schema.ts';

/** A key of a schema as this test finds it, apart from the generator: its path and, per variant, its schema. */
interface FoundKey {
  path: string;
  fields: z.ZodType[];
}

/**
 * Every key path of a schema, found with zod's public classes (not the generator's walk over
 * definitions): `.` enters an object, `[]` a list's element, `<key>` any key of a record. A lazy
 * schema met again inside itself (the catalog's children) is not entered twice.
 */
function schemaKeys(schema: z.ZodType, path = '', open = new Set<unknown>()): FoundKey[] {
  const keys = new Map<string, FoundKey>();
  const add = (found: FoundKey[]) => {
    for (const key of found) {
      const known = keys.get(key.path);
      if (known) known.fields.push(...key.fields);
      else keys.set(key.path, { path: key.path, fields: [...key.fields] });
    }
  };
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    add(schemaKeys(schema.unwrap() as z.ZodType, path, open));
  } else if (schema instanceof z.ZodLazy) {
    // By its getter: a described copy of a lazy schema is another object with the same getter.
    const getter = schema.def.getter;
    if (!open.has(getter)) add(schemaKeys(schema.unwrap() as z.ZodType, path, new Set([...open, getter])));
  } else if (schema instanceof z.ZodPipe) {
    add(schemaKeys(schema.in as z.ZodType, path, open));
    add(schemaKeys(schema.out as z.ZodType, path, open));
  } else if (schema instanceof z.ZodArray) {
    add(schemaKeys(schema.element as z.ZodType, `${path}[]`, open));
  } else if (schema instanceof z.ZodRecord) {
    add(schemaKeys(schema.valueType as z.ZodType, `${path}.<key>`, open));
  } else if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as z.ZodType[]) add(schemaKeys(option, path, open));
  } else if (schema instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const keyPath = path ? `${path}.${name}` : name;
      add([{ path: keyPath, fields: [field] }]);
      add(schemaKeys(field, keyPath, open));
    }
  }
  return [...keys.values()];
}

/** A key's description: on the key's schema or on what its optional, default, ... wrappers wrap. */
function describedAs(field: z.ZodType): string | undefined {
  let current: z.ZodType = field;
  for (;;) {
    if (current.description) return current.description;
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      current = current.unwrap() as z.ZodType;
    } else return undefined;
  }
}

const undescribed = (schema: z.ZodType) =>
  schemaKeys(schema)
    .filter((key) => key.fields.some((field) => !describedAs(field)?.trim()))
    .map((key) => key.path);

const STALE = 'docs/configuration.md is stale: run `npm run docs:generate` (or `npm run docs:generate:config`) and commit the page';

describe('docs/configuration.md', () => {
  it('has the generated part the schema renders now', async () => {
    const page = await readFile(CONFIG_PAGE, 'utf8');
    const part = generatedPartOf(page);
    expect(part, `${STALE}; the page lacks the markers of its generated part`).toBeDefined();
    expect(part, STALE).toBe(renderConfigReference().trim());
    expect(withGeneratedPart(page, renderConfigReference()), STALE).toBe(page);
  });
});

describe('the configuration reference', () => {
  const reference = renderConfigReference();
  const keys = configKeys();
  const byPath = new Map(keys.map((key) => [key.path, key]));

  it('has a row for every key path of the schema', () => {
    const paths = schemaKeys(serviceDeskConfigSchema).map((key) => key.path);
    expect(paths.length).toBeGreaterThan(150);
    const missing = paths.filter((path) => !reference.includes(`| \`${path}\` |`) && !reference.includes(`| [\`${path}\`](`));
    expect(missing, 'keys the reference has no row for').toEqual([]);
    expect(keys.map((key) => key.path).sort()).toEqual([...paths].sort());
  });

  it('has the deep keys the configuration is known to have', () => {
    for (const path of [
      'desks[].levels[].assignment',
      'desks[].levels[].members',
      'slaPolicies[].thresholds[].actions',
      'slaPolicies[].thresholds[].actions[].kind',
      'slaPolicies[].thresholds[].actions[].to',
      'slaPolicies[].thresholds[].actions[].priority',
      'slaPolicies[].targets.nextResponse',
      'slaPolicies[].when.types',
      'email.maxAutomaticRepliesPerHour',
      'email.attachments.maxTotalBytes',
      'email.templates.<key>.approval_request.html',
      'calendars[].hours.sun',
      'calendars[].holidays.state',
      'catalog[].form[].options',
      'catalog[].approval[].group',
      'catalog[].children',
      'routingRules[].when.subjectKeywords',
      'routingRules[].then.tags',
      'directory[].replyTo',
      'users[].signature',
      'uploads.maxCount',
      'signIn.identityProviders[].clientSecretName',
      'signIn.identityProviders[].emailAttribute',
    ]) {
      expect(reference, path).toContain(`| \`${path}\` |`);
    }
  });

  it('has a description for every key in the schema itself', () => {
    expect(undescribed(serviceDeskConfigSchema), 'keys without .describe() in shared/config/*-schema.ts').toEqual([]);
    expect(keys.filter((key) => !key.description).map((key) => key.path)).toEqual([]);
  });

  it('names the keys a schema leaves without a description', () => {
    const schema = z.object({
      described: z.string().describe('A key with a description.'),
      nested: z.object({ inner: z.number() }).optional().describe('An object with a description.'),
      choice: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a').describe('the first'), a: z.string() }), z.object({ kind: z.literal('b') })]),
    });
    expect(undescribed(schema)).toEqual(['nested.inner', 'choice', 'choice.kind', 'choice.a']);
  });

  it('says what zod does with each key: type, presence, default and constraints', () => {
    const row = (path: string): ConfigKey => {
      const key = byPath.get(path);
      if (!key) throw new Error(`no row for ${path}`);
      return key;
    };
    expect(row('desks[].levels[].assignment')).toMatchObject({
      type: "`'round_robin'`, `'workload'`, `'free'` or `'manual'`",
      required: false,
      default: "`'free'`",
    });
    expect(row('desks')).toMatchObject({ required: true, constraints: ['at least 1 item', 'each: unknown keys are refused'] });
    expect(row('ticketKeyPrefix').constraints).toEqual(['pattern `^[A-Z][A-Z0-9]{0,9}$`: use 1-10 upper-case letters or digits, starting with a letter']);
    expect(row('slaPolicies[].thresholds').default).toBe('`[{ percent: 100, actions: [] }]`');
    expect(row('slaPolicies[].targets').constraints).toContain('give at least one of firstResponse, nextResponse, resolution');
    expect(row('slaPolicies[].thresholds[].actions[].to')).toMatchObject({ required: true, onlyWhen: { key: 'kind', values: ["`'notify'`"] } });
    expect(row('signIn.identityProviders[].issuerUrl')).toMatchObject({ type: 'https URL', required: true, onlyWhen: { key: 'type', values: ["`'oidc'`"] } });
    expect(row('signIn.identityProviders[].emailDomains').onlyWhen).toBeUndefined();
    expect(row('email.attachments.maxFileBytes')).toMatchObject({ type: 'integer', default: '`10485760` (10 MiB)', constraints: ['1 to 41943040 (40 MiB)'] });
    expect(row('email.attachments').default).toBe("its keys' defaults");
    expect(row('email').required).toBe(false);
    expect(row('catalog[].children').type).toBe('list of objects, each with the keys of `catalog[]`');
    expect(row('calendars[].hours').type).toBe("`'24x7'` or object");
    // Refinements whose message names the input are no constraint text: the message differs per input.
    expect(row('calendars[].timeZone').constraints).toEqual([]);
    expect(reference).toContain("| `catalog[].approval[].email` | email address | required when `kind` is `'user'` |");
  });

  it('gives the defaults zod fills in', () => {
    const parsed = serviceDeskConfigSchema.parse({
      ticketKeyPrefix: 'SD',
      defaultDesk: 'it',
      email: { address: 'desk@example.com' },
      desks: [{ id: 'it', name: 'IT', levels: [{ id: 'l1', name: 'Level 1' }] }],
    });
    const objects: [string, Record<string, unknown>][] = [
      ['', parsed],
      ['email.', parsed.email!],
      ['email.attachments.', parsed.email!.attachments],
      ['uploads.', parsed.uploads],
      ['signIn.', parsed.signIn],
      ['desks[].', parsed.desks[0]!],
      ['desks[].levels[].', parsed.desks[0]!.levels[0]!],
    ];
    let compared = 0;
    for (const [prefix, object] of objects) {
      for (const key of keys.filter((candidate) => candidate.path.startsWith(prefix) && !candidate.path.slice(prefix.length).match(/[.[]/))) {
        if (key.default === undefined || key.default === "its keys' defaults") continue;
        const name = key.path.slice(prefix.length);
        expect(key.default.replace(/ \(\d+ MiB\)$/, ''), key.path).toBe(`\`${configLiteral(object[name])}\``);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(15);
  });

  it('walks records, tuples, recursion and plain unions of objects', () => {
    type Node = { name: string; children?: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string().describe('n'), children: z.array(node).optional().describe('c') }));
    const schema = z.object({
      tree: node.describe('t'),
      byName: z.record(z.string(), z.object({ size: z.number().int().max(5).describe('s') })).describe('r'),
      pair: z.tuple([z.string().min(2), z.number()]).describe('p'),
      either: z.union([z.literal('none'), z.strictObject({ x: z.boolean().describe('x') }), z.object({ y: z.string().describe('y') })]).describe('e'),
    });
    expect(configKeys(schema).map((key) => key.path)).toEqual(['tree', 'tree.name', 'tree.children', 'byName', 'byName.<key>.size', 'pair', 'either', 'either.x', 'either.y']);
    expect(configKeys(schema).map((key) => key.path)).toEqual(schemaKeys(schema).map((key) => key.path));
    const keysOf = new Map(configKeys(schema).map((key) => [key.path, key]));
    expect(keysOf.get('tree.children')!.type).toBe('list of objects, each with the keys of `tree`');
    expect(keysOf.get('pair')).toMatchObject({ type: '[string, number]', constraints: ['first: at least 2 characters'] });
    expect(keysOf.get('byName.<key>.size')).toMatchObject({ type: 'integer', constraints: ['at most 5'] });
    expect(keysOf.get('either')!.type).toBe("`'none'` or object");
    expect(renderConfigReference(schema)).toContain('| `byName.<key>.size` |');
  });

  it('keeps table cells on one line, with pipes and angle brackets escaped', () => {
    for (const line of reference.split('\n').filter((text) => text.startsWith('| `'))) {
      expect(line.replace(/\\\|/g, '').split('|'), line).toHaveLength(8);
    }
    expect(reference).toContain('service-desk-&lt;stage&gt;');
  });
});
