import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes an ES module that a bundle's esbuild alias points at, and returns its path. The same
 * source gives the same file, so parallel syntheses share it.
 */
export function writeGeneratedModule(name: string, source: string): string {
  const directory = join(tmpdir(), 'service-desk-bundling');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${name}-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.mjs`);
  // Written aside and renamed: another synthesis may be reading the same file.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, source);
  renameSync(partial, file);
  return file;
}
