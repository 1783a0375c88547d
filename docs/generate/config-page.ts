import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod';
import { serviceDeskConfigSchema } from '../../shared/config/config-schema.ts';

/**
 * The reference part of docs/configuration.md, rendered from the zod schema of
 * servicedesk.config.ts: every key by its path, its type, whether it is required, its default, the
 * constraints zod can tell (lengths, bounds, patterns, and the messages of refinements that say the
 * same whatever the input) and its description (`.describe()` in the schema). Checks that depend on
 * the whole configuration (references between desks, users, calendars, ...) are the hand-written
 * part's to explain.
 *
 * `npm run docs:generate:config` rewrites the part between the markers.
 */

export const CONFIG_PAGE = fileURLToPath(new URL('../configuration.md', import.meta.url));
export const GENERATED_START = '<!-- generated from the zod schema by npm run docs:generate; do not edit -->';
export const GENERATED_END = '<!-- end of generated part -->';

/** One key of the configuration as the reference shows it. */
export interface ConfigKey {
  /** Like `desks[].levels[].assignment`: `.` enters an object, `[]` an element of a list, `<key>` any key of a record. */
  path: string;
  type: string;
  required: boolean;
  /** For a key only some variants of a discriminated union have: the discriminator and the values of those variants. */
  onlyWhen?: { key: string; values: string[] };
  /** Config-file spelling of the default, absent when there is none. */
  default?: string;
  constraints: string[];
  description?: string;
}

/** What the walker reads of a zod 4 schema: its internal definition, loosely typed. */
interface Def {
  type: string;
  [key: string]: unknown;
}
type Schema = z.core.$ZodType;
const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;
const descriptionOf = (schema: Schema): string | undefined => z.globalRegistry.get(schema)?.description;

/** Wrappers that change presence or defaults but not the value's shape. */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional', 'catch']);

interface Unwrapped {
  schema: Schema;
  description?: string;
  default?: { value: unknown; prefault: boolean };
  nullable: boolean;
}

/** Strips optional/default/... wrappers; the outermost description and default win. */
function unwrap(schema: Schema): Unwrapped {
  let description: string | undefined;
  let defaulted: Unwrapped['default'];
  let nullable = false;
  let current = schema;
  for (;;) {
    description ??= descriptionOf(current);
    const def = defOf(current);
    if (!WRAPPERS.has(def.type)) break;
    if ((def.type === 'default' || def.type === 'prefault') && !defaulted) defaulted = { value: def.defaultValue, prefault: def.type === 'prefault' };
    if (def.type === 'nullable') nullable = true;
    current = def.innerType as Schema;
  }
  return { schema: current, ...(description !== undefined ? { description } : {}), ...(defaulted ? { default: defaulted } : {}), nullable };
}

/** The schema a lazy one stands for (zod caches it, so it is the same object every time). */
const lazyTarget = (schema: Schema): Schema => (schema._zod as unknown as { innerType: Schema }).innerType;

/** The side of a pipe that says what it takes: its input, unless that is a bare transform (a preprocess). */
function pipeInput(pipe: Schema): Schema {
  const def = defOf(pipe);
  return defOf(def.in as Schema).type === 'transform' ? (def.out as Schema) : (def.in as Schema);
}

/** The value-shaped schema behind wrappers, lazies and the input side of pipes. */
function core(schema: Schema): Schema {
  let current = unwrap(schema).schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'lazy') current = unwrap(lazyTarget(current)).schema;
    else if (def.type === 'pipe') current = unwrap(pipeInput(current)).schema;
    else return current;
  }
}

const isObject = (schema: Schema) => defOf(core(schema)).type === 'object';
const isStrict = (schema: Schema) => {
  const catchall = defOf(core(schema)).catchall as Schema | undefined;
  return catchall !== undefined && defOf(catchall).type === 'never';
};
/** Whether objects refuse keys they do not know (zod's strictObject) or drop them without a word (object). */
function strictness(objects: Schema[]): string {
  if (objects.every(isStrict)) return 'unknown keys are refused';
  return objects.some(isStrict) ? 'unknown keys are refused by some variants, ignored by others' : 'unknown keys are ignored';
}
const objectOptions = (schema: Schema): Schema[] => {
  const def = defOf(core(schema));
  if (def.type === 'object') return [core(schema)];
  if (def.type === 'union') return (def.options as Schema[]).flatMap(objectOptions);
  return [];
};

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const MIB = 1024 * 1024;

/** A value as servicedesk.config.ts would spell it. */
export function configLiteral(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(configLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, inner]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${configLiteral(inner)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(value);
}

/** A number with its size in MiB when it is a whole number of them, for byte limits. */
function numberText(value: number): string {
  return value >= MIB && value % MIB === 0 ? `${value} (${value / MIB} MiB)` : String(value);
}

/** "`'a'`, `'b'` or `'c'`". */
function alternatives(values: string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

const literalText = (value: unknown) => `\`${typeof value === 'string' ? quote(value) : String(value)}\``;

/** The type of a value, in words; keys of objects are their own rows. */
export function typeText(schema: Schema): string {
  const unwrapped = unwrap(schema);
  if (unwrapped.nullable) return `${typeText(unwrapped.schema)} or \`null\``;
  const target = core(schema);
  const def = defOf(target);
  switch (def.type) {
    case 'string': {
      if (def.format === 'email') return 'email address';
      if (def.format === 'url') return (def.protocol as RegExp | undefined)?.source === '^https$' ? 'https URL' : 'URL';
      return 'string';
    }
    case 'number':
      return (def.checks as Schema[] | undefined)?.some((check) => ['int', 'safeint', 'int32', 'uint32'].includes(String(defOf(check).format))) ? 'integer' : 'number';
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return alternatives(Object.values(def.entries as Record<string, string | number>).map(literalText));
    case 'literal':
      return alternatives((def.values as unknown[]).map(literalText));
    case 'array': {
      const element = typeText(def.element as Schema);
      return element.startsWith('`') ? `list, each ${element}` : `list of ${plural(element)}`;
    }
    case 'tuple':
      return `[${(def.items as Schema[]).map(typeText).join(', ')}]`;
    case 'object':
      return 'object';
    case 'record':
      return `object of ${typeText(def.keyType as Schema)} keys`;
    case 'union':
      if (def.discriminator !== undefined) return `object, by \`${String(def.discriminator)}\``;
      return alternatives([...new Set((def.options as Schema[]).map(typeText))]);
    case 'pipe':
      return typeText(pipeInput(target));
    default:
      return def.type;
  }
}

function plural(type: string): string {
  if (type === 'object' || type.startsWith('object,')) return type.replace(/^object/, 'objects');
  if (type === 'email address') return 'email addresses';
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'https URL' || type === 'URL') return `${type}s`;
  return type;
}

/** Inputs a check's message is tried with: a message that differs between them depends on the input. */
const PROBES: unknown[] = ['probe-one', 'other-probe', ['first-probe', 'second-probe'], { probe: true }, 7];

/** The message a check gives whatever the input, if it has one (refinements that name the input have none). */
function staticMessage(check: Schema): string | undefined {
  const error = defOf(check).error as ((issue: unknown) => unknown) | undefined;
  if (typeof error !== 'function') return undefined;
  const messages = new Set<unknown>();
  try {
    for (const input of PROBES) {
      const result = error({ code: 'custom', input, path: [], message: '' });
      messages.add(typeof result === 'string' ? result : (result as { message?: unknown } | undefined)?.message);
    }
  } catch {
    return undefined;
  }
  const [message] = messages;
  return messages.size === 1 && typeof message === 'string' && message !== '' ? message : undefined;
}

/** Lengths, bounds, patterns and the fixed messages of refinements, in words. */
export function constraintsOf(schema: Schema): string[] {
  const target = unwrap(schema).schema;
  const def = defOf(target);
  if (def.type === 'lazy') return constraintsOf(lazyTarget(target));
  // Both sides check: the input side what is written, the output side what a transform made of it.
  if (def.type === 'pipe') return [...constraintsOf(def.in as Schema), ...constraintsOf(def.out as Schema)];

  const unit = def.type === 'string' ? 'characters' : def.type === 'array' ? 'items' : '';
  const words: string[] = [];
  let min: number | undefined;
  let max: number | undefined;
  for (const check of (def.checks as Schema[] | undefined) ?? []) {
    const checkDef = defOf(check);
    const kind = String(checkDef.check);
    if (kind === 'min_length' || (kind === 'greater_than' && checkDef.inclusive)) min = Number(checkDef.minimum ?? checkDef.value);
    else if (kind === 'max_length' || (kind === 'less_than' && checkDef.inclusive)) max = Number(checkDef.maximum ?? checkDef.value);
    else if (kind === 'greater_than' || kind === 'less_than') words.push(`${kind === 'greater_than' ? 'more' : 'less'} than ${numberText(Number(checkDef.value))}`);
    else if (kind === 'length_equals') words.push(`exactly ${String(checkDef.length)} ${unit}`.trim());
    else if (kind === 'string_format' && checkDef.format === 'regex') {
      const message = staticMessage(check);
      words.push(`pattern \`${(checkDef.pattern as RegExp).source}\`${message ? `: ${message}` : ''}`);
    } else if (kind === 'custom') {
      const message = staticMessage(check);
      if (message) words.push(message);
    }
  }
  const bound = (value: number) => (unit ? String(value) : numberText(value));
  if (min !== undefined && max !== undefined) words.unshift(`${bound(min)} to ${bound(max)}${unit ? ` ${unit}` : ''}`);
  else if (min !== undefined) words.unshift(`at least ${bound(min)}${unit ? ` ${min === 1 ? unit.replace(/s$/, '') : unit}` : ''}`);
  else if (max !== undefined) words.unshift(`at most ${bound(max)}${unit ? ` ${unit}` : ''}`);

  if (def.type === 'array') {
    const element = def.element as Schema;
    // An object element's own checks are its keys' rows; whether it refuses unknown keys is said here.
    const elementDef = defOf(core(element));
    if (elementDef.type === 'object' || (elementDef.type === 'union' && elementDef.discriminator !== undefined)) words.push(`each: ${strictness(objectOptions(element))}`);
    else words.push(...constraintsOf(element).map((text) => `each: ${text}`));
  } else if (def.type === 'tuple') {
    (def.items as Schema[]).forEach((item, index) => words.push(...constraintsOf(item).map((text) => `${ordinal(index)}: ${text}`)));
  } else if (def.type === 'union' && def.discriminator === undefined) {
    for (const option of def.options as Schema[]) {
      words.push(...constraintsOf(option).map((text) => (isObject(option) ? `as an object: ${text}` : text)));
    }
  }
  if (def.type === 'object') words.push(strictness([target]));
  return words;
}

const ordinal = (index: number) => ['first', 'second', 'third'][index] ?? `item ${index + 1}`;

function defaultText(field: Schema): string | undefined {
  const { schema, default: defaulted } = unwrap(field);
  if (!defaulted) return undefined;
  const value = defaulted.value;
  // An object defaulted to what its own keys' defaults make reads better as just that.
  if (defOf(core(schema)).type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = defOf(core(schema)).shape as Record<string, Schema>;
    const keysDefault = Object.values(shape).some((inner) => unwrap(inner).default !== undefined);
    const empty = z.safeParse(schema, {});
    if (keysDefault && (defaulted.prefault || (empty.success && JSON.stringify(empty.data) === JSON.stringify(value)))) return "its keys' defaults";
  }
  if (typeof value === 'number' && value >= MIB && value % MIB === 0) return `\`${value}\` (${value / MIB} MiB)`;
  return `\`${configLiteral(value)}\``;
}

function keyOf(path: string, field: Schema): ConfigKey {
  const { description } = unwrap(field);
  const defaulted = defaultText(field);
  return {
    path,
    type: typeText(field),
    // zod marks keys that may be left out as 'optional', or 'defaulted' when a default fills them in.
    required: field._zod.optin === undefined,
    ...(defaulted !== undefined ? { default: defaulted } : {}),
    constraints: constraintsOf(field),
    ...(description !== undefined ? { description } : {}),
  };
}

/** Every key of an object schema, depth first, each object's own keys before those of the next. */
export function configKeys(schema: Schema = serviceDeskConfigSchema): ConfigKey[] {
  const keys: ConfigKey[] = [];
  // Open lazy schemas by their getter, which a described copy (`.describe()` clones) shares, and the path each was entered at.
  const lazies = new Map<unknown, string>();
  const lazyId = (lazy: Schema) => defOf(lazy).getter;

  /** The keys inside a value at `path` (an object, a list of them, a union of them, ...). */
  const inside = (field: Schema, path: string): void => {
    const target = unwrap(field).schema;
    const def = defOf(target);
    if (def.type === 'lazy') {
      if (lazies.has(lazyId(target))) return;
      lazies.set(lazyId(target), path);
      inside(lazyTarget(target), path);
      lazies.delete(lazyId(target));
      return;
    }
    if (def.type === 'pipe') return inside(pipeInput(target), path);
    if (def.type === 'array') return inside(def.element as Schema, `${path}[]`);
    if (def.type === 'record') return inside(def.valueType as Schema, `${path}.<key>`);
    if (def.type === 'object') return objectKeys([target], path);
    if (def.type === 'union') {
      const objects = (def.options as Schema[]).filter(isObject);
      if (def.discriminator !== undefined) return discriminatedKeys(objects, String(def.discriminator), path, unwrap(field).description);
      return objectKeys(objects.map(core), path);
    }
  };

  /** The keys of one object, or of the objects a plain union allows (a key of either is listed once). */
  const objectKeys = (objects: Schema[], path: string): void => {
    const seen = new Set<string>();
    for (const object of objects) {
      for (const [name, field] of Object.entries(defOf(object).shape as Record<string, Schema>)) {
        if (seen.has(name)) continue;
        seen.add(name);
        const keyPath = path ? `${path}.${name}` : name;
        keys.push(withRecursion(keyOf(keyPath, field), field));
        inside(field, keyPath);
      }
    }
  };

  /** The keys of a discriminated union's variants: the discriminator once, each other key with the variants that have it. */
  const discriminatedKeys = (variants: Schema[], discriminator: string, path: string, unionDescription: string | undefined): void => {
    const variantShapes = variants.map((variant) => defOf(core(variant)).shape as Record<string, Schema>);
    const tag = (shape: Record<string, Schema>) => (defOf(core(shape[discriminator]!)).values as unknown[]).map(literalText).join(', ');
    const names = [...new Set(variantShapes.flatMap((shape) => Object.keys(shape)))];
    for (const name of names) {
      const having = variantShapes.filter((shape) => name in shape);
      const keyPath = `${path}.${name}`;
      if (name === discriminator) {
        const explained = having.map((shape) => `${tag(shape)}: ${unwrap(shape[name]!).description ?? '(no description)'}`).join('. ');
        keys.push({
          path: keyPath,
          type: alternatives(having.map(tag)),
          required: true,
          constraints: [],
          description: `${unionDescription ? `${unionDescription} ` : ''}${explained}.`,
        });
        continue;
      }
      const fields = having.map((shape) => shape[name]!);
      const key = keyOf(keyPath, fields[0]!);
      const descriptions = [...new Set(fields.map((field) => unwrap(field).description))];
      if (descriptions.length > 1) {
        key.description = having.map((shape) => `${tag(shape)}: ${unwrap(shape[name]!).description ?? '(no description)'}`).join(' ');
      }
      if (having.length < variantShapes.length) key.onlyWhen = { key: discriminator, values: having.map(tag) };
      keys.push(withRecursion(key, fields[0]!));
      inside(fields[0]!, keyPath);
    }
  };

  /** Notes on a list or object that repeats an enclosing one (the catalog's children). */
  const withRecursion = (key: ConfigKey, field: Schema): ConfigKey => {
    let target = unwrap(field).schema;
    if (defOf(target).type === 'array') target = unwrap(defOf(target).element as Schema).schema;
    const seen = defOf(target).type === 'lazy' ? lazies.get(lazyId(target)) : undefined;
    if (seen !== undefined) key.type = `${key.type}, each with the keys of \`${seen}\``;
    return key;
  };

  inside(schema, '');
  return keys;
}

/** Text for a table cell: one line, pipes escaped, angle brackets outside code spans escaped. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('')
    .replace(/\|/g, '\\|');
}

function row(key: ConfigKey): string {
  const when = key.onlyWhen ? ` when \`${key.onlyWhen.key}\` is ${alternatives(key.onlyWhen.values)}` : '';
  const required = `${key.required ? 'required' : 'optional'}${when}`;
  return `| \`${key.path}\` | ${cell(key.type)} | ${cell(required)} | ${cell(key.default ?? '')} | ${cell(key.constraints.join('; '))} | ${cell(key.description ?? '')} |`;
}

const HEADER = ['| Key | Type | Required | Default | Constraints | Description |', '|---|---|---|---|---|---|'];

/** GitHub's anchor of a heading that is one code span, like `### \`desks\`` -> `#desks`. */
const anchor = (name: string) =>
  `#${name
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-')}`;

/**
 * The generated part of docs/configuration.md: a table of the top-level keys, then one section for
 * each top-level key that has keys of its own, with every key below it.
 */
export function renderConfigReference(schema: Schema = serviceDeskConfigSchema): string {
  const keys = configKeys(schema);
  const topLevel = keys.filter((key) => !/[.[]/.test(key.path));
  const below = (top: string) => keys.filter((key) => key.path.startsWith(`${top}.`) || key.path.startsWith(`${top}[]`));
  const lines = ['### Top-level keys', '', ...HEADER];
  for (const key of topLevel) {
    // A key with a section of its own links to it.
    lines.push(below(key.path).length ? row(key).replace(`| \`${key.path}\` |`, `| [\`${key.path}\`](${anchor(key.path)}) |`) : row(key));
  }
  for (const key of topLevel) {
    const inner = below(key.path);
    if (inner.length === 0) continue;
    lines.push('', `### \`${key.path}\``, '', cell(key.description ?? ''), '', ...HEADER, ...inner.map(row));
  }
  return `${lines.join('\n')}\n`;
}

/** The page with its generated part replaced; throws when the markers are missing. */
export function withGeneratedPart(page: string, reference: string): string {
  const start = page.indexOf(GENERATED_START);
  const end = page.indexOf(GENERATED_END);
  if (start < 0 || end < start) throw new Error(`${CONFIG_PAGE} lacks the markers ${GENERATED_START} ... ${GENERATED_END}`);
  return `${page.slice(0, start + GENERATED_START.length)}\n\n${reference}\n${page.slice(end)}`;
}

/** The generated part as the page has it now. */
export function generatedPartOf(page: string): string | undefined {
  const start = page.indexOf(GENERATED_START);
  const end = page.indexOf(GENERATED_END);
  if (start < 0 || end < start) return undefined;
  return page.slice(start + GENERATED_START.length, end).trim();
}

async function main(): Promise<void> {
  const page = await readFile(CONFIG_PAGE, 'utf8');
  const updated = withGeneratedPart(page, renderConfigReference());
  if (updated === page) {
    console.log(`${CONFIG_PAGE} is up to date`);
    return;
  }
  await writeFile(CONFIG_PAGE, updated);
  console.log(`Wrote ${CONFIG_PAGE}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
