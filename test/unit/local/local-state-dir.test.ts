import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webBuildModeFromEnv } from '../../../local/web-app-build.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** LOCAL_PATHS is read once, when the module loads: each case loads it afresh. */
async function localPathsWith(dir: string | undefined) {
  vi.resetModules();
  vi.stubEnv('SERVICEDESK_LOCAL_DIR', dir);
  return import('../../../local/local-paths.ts');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the local state directory', () => {
  it('is .local/ at the repository root by default, and the banner names it so', async () => {
    const { LOCAL_PATHS, shownLocalPath } = await localPathsWith(undefined);
    expect(LOCAL_PATHS.stateDir).toBe(join(REPO_ROOT, '.local'));
    expect(LOCAL_PATHS.issuerKey).toBe(join(REPO_ROOT, '.local', 'issuer-key.json'));
    expect(shownLocalPath(LOCAL_PATHS.outbox)).toBe('.local/outbox');
  });

  it('moves as a whole with SERVICEDESK_LOCAL_DIR, which npm start, npm run token and npm run approval-link all read', async () => {
    const { LOCAL_PATHS, shownLocalPath } = await localPathsWith('/tmp/desk-state');
    expect(Object.values(LOCAL_PATHS).every((path) => path.startsWith('/tmp/desk-state'))).toBe(true);
    expect(LOCAL_PATHS.dynamodbData).toBe('/tmp/desk-state/dynamodb');
    expect(LOCAL_PATHS.approvalLinkKey).toBe('/tmp/desk-state/approval-link-key');
    expect(shownLocalPath(LOCAL_PATHS.outbox)).toBe('/tmp/desk-state/outbox');
    const relative = await localPathsWith('state/here');
    expect(relative.LOCAL_PATHS.stateDir).toBe(resolve('state/here'));
  });
});

describe('WEB_BUILD', () => {
  it('watches by default and builds nothing with none', () => {
    expect(webBuildModeFromEnv({})).toBe('watch');
    expect(webBuildModeFromEnv({ WEB_BUILD: '' })).toBe('watch');
    expect(webBuildModeFromEnv({ WEB_BUILD: 'watch' })).toBe('watch');
    expect(webBuildModeFromEnv({ WEB_BUILD: 'none' })).toBe('none');
    expect(() => webBuildModeFromEnv({ WEB_BUILD: 'off' })).toThrow('WEB_BUILD=off is not a web build mode; use watch (the default) or none (serve web/dist as it is).');
  });
});
