import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The rules a snippet breaks, as ESLint with the project's configuration reports them at that path. */
async function brokenRules(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return [...new Set(result!.messages.map((message) => message.ruleId ?? message.message))].sort();
}

describe('the lint rules', () => {
  it('know every key prefix keys.ts builds, so a new kind of key is guarded from its first line', async () => {
    const keysSource = readFileSync(join(ROOT, 'shared/store/keys.ts'), 'utf8');
    const prefixesBuilt = [...new Set([...keysSource.matchAll(/['`]([A-Z][A-Z_]*)#/g)].map((match) => match[1]!))];
    expect(prefixesBuilt.length).toBeGreaterThan(10);
    const unguarded: string[] = [];
    for (const prefix of prefixesBuilt) {
      if ((await brokenRules('shared/use-cases/hand-built-key.ts', `export const key = '${prefix}#1';\n`)).length === 0) unguarded.push(prefix);
    }
    expect(unguarded, 'key prefixes of keys.ts missing from KEY_PREFIXES in eslint.config.js').toEqual([]);
  });

  it('keep DynamoDB key strings in shared/store/keys.ts: a key prefix in a literal anywhere else is refused', async () => {
    const handBuilt = "export const pk = (key: string): string => `TICKET#${key}`;\nexport const sk = 'QUEUE_COUNTS';\nexport const counter = 'COUNTER#SD';\n";
    const [result] = await eslint.lintText(handBuilt, { filePath: join(ROOT, 'shared/use-cases/hand-built-key.ts') });
    expect(result!.messages.map((message) => [message.ruleId, message.line])).toEqual([
      ['no-restricted-syntax', 1],
      ['no-restricted-syntax', 2],
      ['no-restricted-syntax', 3],
    ]);
    expect(result!.messages[0]!.message).toContain('shared/store/keys.ts');
    expect(await brokenRules('local/hand-built-key.ts', handBuilt)).toEqual(['no-restricted-syntax']);
    expect(await brokenRules('shared/store/keys.ts', handBuilt)).toEqual([]);
    // Tests may spell out the keys they expect.
    expect(await brokenRules('test/unit/store/keys-spelled-out.test.ts', handBuilt)).toEqual([]);
    // Words that only look like a prefix are no key.
    expect(await brokenRules('shared/domain/words.ts', "export const words = ['TICKET', 'Desk#1', 'status: open'];\n")).toEqual([]);
  });

  it("apply typescript-eslint's recommended rules", async () => {
    expect(await brokenRules('shared/domain/loose.ts', 'export const loose = (value: any) => value;\nconst unused = 1;\n')).toEqual(['@typescript-eslint/no-explicit-any', '@typescript-eslint/no-unused-vars']);
  });

  it("apply React's rules of hooks and jsx-a11y in the web app", async () => {
    const component = ["import { useState } from 'react';", 'export function Photo({ shown }: { shown: boolean }) {', '  if (shown) useState(0);', '  return <img src="/photo.png" />;', '}', ''].join('\n');
    expect(await brokenRules('web/src/components/photo.tsx', component)).toEqual(['jsx-a11y/alt-text', 'react-hooks/rules-of-hooks']);
  });

  it("apply Testing Library's rules to the web app's tests", async () => {
    const test = [
      "import { render } from '@testing-library/react';",
      "import { expect, it } from 'vitest';",
      "it('finds the button', () => {",
      '  const { container } = render(<button>Send</button>);',
      "  expect(container.querySelector('button')).toBeTruthy();",
      '});',
      '',
    ].join('\n');
    expect(await brokenRules('web/src/components/send.test.tsx', test)).toEqual(expect.arrayContaining(['testing-library/no-container', 'testing-library/no-node-access']));
  });
});
