import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

/**
 * A small tree laid out like the project (its package.json `imports` included), each file a case:
 * the imports that go against the direction, and some that keep to it. The project's own rules
 * cruise it, so a rule that stops matching, or starts matching what is allowed, fails here.
 */
const TREE: Record<string, string> = {
  'package.json': JSON.stringify({ type: 'module', imports: { '#shared/*': './shared/*.ts' } }),
  'shared/domain/rule.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = () => new DynamoDBClient({});\n",
  'shared/domain/ping.ts': "import type { Pong } from './pong.ts';\nexport type Ping = { pong?: Pong };\n",
  'shared/domain/pong.ts': "import type { Ping } from './ping.ts';\nexport type Pong = { ping?: Ping };\n",
  'shared/ports/store.ts': 'export interface Store { get(key: string): Promise<string | undefined> }\n',
  'shared/ports/leaky.ts': "import { DynamoStore } from '../adapters/dynamodb/store.ts';\nexport type Leaky = DynamoStore;\n",
  'shared/adapters/dynamodb/store.ts':
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport type { Store } from '../../ports/store.ts';\nexport class DynamoStore implements Store {\n  constructor(readonly client: DynamoDBClient) {}\n  async get() { return undefined; }\n}\n",
  'shared/use-cases/read.ts': "import { DynamoStore } from '../adapters/dynamodb/store.ts';\nexport const read = (store: DynamoStore) => store.get();\n",
  'shared/use-cases/read-through-port.ts': "import type { Store } from '../ports/store.ts';\nexport const read = (store: Store) => store.get('x');\n",
  'functions/http/handler.ts':
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoStore } from '#shared/adapters/dynamodb/store';\nimport { read } from '#shared/use-cases/read-through-port';\nexport const handler = () => read(new DynamoStore(new DynamoDBClient({})));\n",
  'functions/http/dev-only.ts': "import { devServer } from '../../local/server.ts';\nexport const handler = devServer;\n",
  'local/server.ts': 'export const devServer = () => undefined;\n',
  'web/src/lib/shared.ts': "import { feature } from '../features/alpha/alpha';\nexport const shared = feature;\n",
  'web/src/lib/plain.ts': 'export const plain = 1;\n',
  'web/src/features/alpha/alpha.ts': "import { plain } from '../../lib/plain';\nimport { own } from './own';\nexport const feature = plain + own;\n",
  'web/src/features/alpha/own.ts': 'export const own = 1;\n',
  'web/src/features/beta/beta.ts': "import { feature } from '../alpha/alpha';\nimport { app } from '../../app/app';\nexport const beta = feature + app;\n",
  'web/src/app/app.ts': "import { feature } from '../features/alpha/alpha';\nexport const app = feature;\n",
};

let tree: string;
let result: ICruiseResult;

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'house-rules-imports-'));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
  const { output } = await cruise(['shared', 'functions', 'local', 'web'], {
    ...config.options,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    // node_modules is a link here, kept as node_modules/... by the configuration's preserveSymlinks.
    baseDir: tree,
    tsConfig: undefined,
  });
  result = output as ICruiseResult;
}, 60_000);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

/** Each violation as `rule: from -> to`, npm packages by their name. */
const violations = () => result.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} -> ${to.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')}`).sort();

describe('the import rules', () => {
  it('refuse the imports against the direction, each by its rule, and nothing that keeps to it', () => {
    expect(violations()).toEqual(
      [
        'aws-sdk-only-in-adapters: shared/domain/rule.ts -> @aws-sdk/client-dynamodb',
        'domain-is-pure: shared/domain/rule.ts -> @aws-sdk/client-dynamodb',
        'adapters-only-in-composition-roots: shared/ports/leaky.ts -> shared/adapters/dynamodb/store.ts',
        'ports-are-interfaces: shared/ports/leaky.ts -> shared/adapters/dynamodb/store.ts',
        'adapters-only-in-composition-roots: shared/use-cases/read.ts -> shared/adapters/dynamodb/store.ts',
        'use-cases-use-ports: shared/use-cases/read.ts -> shared/adapters/dynamodb/store.ts',
        'no-local-bench-or-tests-in-deployed-code: functions/http/dev-only.ts -> local/server.ts',
        'web-shared-code-knows-no-feature: web/src/lib/shared.ts -> web/src/features/alpha/alpha.ts',
        'web-features-stand-alone: web/src/features/beta/beta.ts -> web/src/features/alpha/alpha.ts',
        'web-features-know-no-app: web/src/features/beta/beta.ts -> web/src/app/app.ts',
        // A circle of type-only imports is a circle all the same (reported once, where it starts).
        'no-circular: shared/domain/ping.ts -> shared/domain/pong.ts',
      ].sort(),
    );
  });

  it('resolve the package.json imports, so a handler may wire an adapter into a use case', () => {
    const handler = result.modules.find((module) => module.source === 'functions/http/handler.ts')!;
    expect(handler.dependencies.map((dependency) => dependency.resolved).sort()).toEqual(expect.arrayContaining(['shared/adapters/dynamodb/store.ts', 'shared/use-cases/read-through-port.ts']));
    expect(handler.dependencies.every((dependency) => !dependency.couldNotResolve)).toBe(true);
  });
});
