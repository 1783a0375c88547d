import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the copied real-world mail corpus. */
export const FIXTURE_ROOT = fileURLToPath(new URL('../../fixtures/email/', import.meta.url));

/** The bytes of a fixture, by its path below test/fixtures/email. */
export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURE_ROOT, path));
}

/** A fixture as UTF-8 text (reply-body fixtures). */
export function fixtureText(path: string): string {
  return fixture(path).toString('utf8');
}

/** A source's expected.json: file name -> expected visible text. */
export function expectedOf(source: string): Record<string, string> {
  return JSON.parse(fixtureText(`${source}/expected.json`)) as Record<string, string>;
}

/** Paths (below the root) of every fixture with the extension, sorted. */
export function fixturePaths(extension: string, directory = FIXTURE_ROOT): string[] {
  return readdirSync(directory)
    .flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return fixturePaths(extension, path);
      return name.endsWith(extension) ? [relative(FIXTURE_ROOT, path)] : [];
    })
    .sort();
}
