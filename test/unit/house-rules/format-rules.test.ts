import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Whether Prettier, with the project's configuration for that path, finds the text formatted. */
async function formatted(path: string, text: string): Promise<boolean> {
  const filepath = join(ROOT, path);
  const options = await prettier.resolveConfig(filepath, { editorconfig: true });
  return prettier.check(text, { ...options, filepath });
}

describe('the formatting rules', () => {
  it('take the house style: single quotes, semicolons, trailing commas, two spaces', async () => {
    expect(await formatted('shared/domain/x.ts', "export const desk = { id: 'it', levels: ['l1', 'l2'] };\n")).toBe(true);
    expect(await formatted('shared/domain/x.ts', 'export const desk = { id: "it", levels: ["l1", "l2"] };\n')).toBe(false);
    expect(await formatted('shared/domain/x.ts', "export const desk = { id: 'it' }\n")).toBe(false);
    expect(await formatted('shared/domain/x.ts', 'export function f() {\n    return 1;\n}\n')).toBe(false);
    expect(await formatted('web/src/x.tsx', "export const X = () => <p className='x'>x</p>;\n")).toBe(false);
  });

  it('leave the fixtures, generated files and recorded results alone', async () => {
    const ignorePath = join(ROOT, '.prettierignore');
    for (const path of ['test/fixtures/email/mikel-mail/x.eml', 'test/fixtures/web/x.json', 'web/src/lib/api/schema.d.ts', 'bench/results/latest.json', 'web/dist/index.html', 'package-lock.json']) {
      expect((await prettier.getFileInfo(join(ROOT, path), { ignorePath })).ignored, path).toBe(true);
    }
    expect((await prettier.getFileInfo(join(ROOT, 'shared/domain/ticket.ts'), { ignorePath })).ignored).toBe(false);
  });
});
