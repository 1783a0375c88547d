import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import startDynamoDbLocal from '../integration/global-setup.ts';
import { CHROMIUM_PATH } from './browser-app.ts';

const BUILT_APP = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

/**
 * The browser tests need the built app (`npm test` builds it first), Debian's Chromium and one
 * DynamoDB Local for the run. A missing piece fails the run with what to do, never skips it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(BUILT_APP)) throw new Error('web/dist/index.html is missing: run `npm run build:web` first (`npm test` does).');
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests drive Debian's Chromium at ${CHROMIUM_PATH}, which is missing: sudo apt-get install --no-install-recommends chromium`);
  }
  return startDynamoDbLocal(project);
}
