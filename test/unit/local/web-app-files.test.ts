import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/define-config.ts';
import rawConfig from '../../../servicedesk.config.ts';
import { webSecurityHeaders } from '../../../infra/web-security-headers.ts';
import { startHttpServer, type RunningHttpServer } from '../../../local/http-server.ts';
import { createInMemoryIssuer, LOCAL_CLIENT_ID } from '../../../local/issuer.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, CLIENT_PATHS, createWebAppFiles, isClientPath, localRuntimeConfig } from '../../../local/web-app-files.ts';
import type { HttpRoute } from '../../../functions/http/routes.ts';

const INDEX = '<!doctype html><html lang="en"><head><title>Service desk</title><script type="module" src="/assets/index-AbCd1234.js"></script></head><body><div id="root"></div></body></html>';
const routes: HttpRoute[] = [{ method: 'GET', path: '/health', handler: 'health', auth: false, table: 'none' }];

let dist: string;
let server: RunningHttpServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'assets', 'index-AbCd1234.js'), 'console.log(1);');
  writeFileSync(join(dist, 'assets', 'index-AbCd1234.js.map'), '{}');
  writeFileSync(join(dist, 'assets', 'theme-Zz9_Yy8-.css'), 'body{}');
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
  const config = parseConfig({
    ...rawConfig,
    signIn: {
      identityProviders: [{ id: 'Entra', name: 'Contoso account', type: 'oidc', issuerUrl: 'https://login.example.com/v2.0', clientId: 'abc', clientSecretName: 'entra-secret' }],
    },
  });
  const webApp = createWebAppFiles({ config, distDir: dist });
  const loadHandler = async () => ({ handler: async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' }) });
  server = await startHttpServer({ port: 0, routes, loadHandler, issuer: await createInMemoryIssuer(), quiet: true, pages: [webApp.page], fallbackPages: [webApp.fallbackPage] });
});

afterAll(async () => {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('the web app files', () => {
  it('serves hashed assets with their content types, cached for good', async () => {
    const script = await get('/assets/index-AbCd1234.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe(CACHE_IMMUTABLE);
    expect(await script.text()).toBe('console.log(1);');
    const style = await get('/assets/theme-Zz9_Yy8-.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('cache-control')).toBe(CACHE_IMMUTABLE);
    expect((await get('/assets/index-AbCd1234.js.map')).headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('revalidates files without a hash in their name', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe(CACHE_REVALIDATE);
  });

  it('answers client-side paths with index.html, revalidated each time', async () => {
    for (const path of ['/', '/request/it-laptop', '/requests', '/requests/SD-1', '/requests/SD-1/', '/approvals', '/auth/callback?code=x&state=y', '/signed-out']) {
      const response = await get(path, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control'), path).toBe(CACHE_REVALIDATE);
      expect(await response.text(), path).toBe(INDEX);
    }
  });

  it('leaves other paths to the API and its 404', async () => {
    expect((await get('/health')).status).toBe(200);
    for (const path of ['/api/requests', '/api/', '/api', '/nowhere', '/requests/SD-1/extra', '/assets/missing-AbCd1234.js', '/index.html']) {
      const response = await get(path, { accept: 'text/html' });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('application/json');
    }
    // A client asking for JSON only is not given the page.
    expect((await get('/requests', { accept: 'application/json' })).status).toBe(404);
  });

  it('never serves files outside the build or hidden ones', async () => {
    for (const path of ['/.vite/manifest.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/%00']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('does not answer other methods', async () => {
    expect((await fetch(`${server.url}/requests`, { method: 'POST', body: '{}' })).status).toBe(404);
    const head = await fetch(`${server.url}/requests`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('sends the deployed security headers with every file, page and config', async () => {
    const expected = webSecurityHeaders();
    for (const path of ['/', '/requests/SD-1', '/assets/index-AbCd1234.js', '/favicon.svg', '/config.json']) {
      const response = await get(path);
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  it('serves config.json for the origin the browser is on', async () => {
    const response = await get('/config.json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(CACHE_REVALIDATE);
    const origin = server.url;
    expect(await response.json()).toEqual({
      apiBaseUrl: '/api',
      auth: {
        authority: origin,
        metadataUrl: `${origin}/.well-known/openid-configuration`,
        clientId: LOCAL_CLIENT_ID,
        domain: origin,
        redirectPath: '/auth/callback',
        signOutPath: '/signed-out',
      },
      identityProviders: [{ id: 'Entra', name: 'Contoso account' }],
    });
    // Opened at localhost rather than 127.0.0.1: the sign-in stays on that origin.
    const { page } = createWebAppFiles({ config: parseConfig(rawConfig), distDir: dist });
    const answer = await page({ method: 'GET', url: new URL('http://localhost:3000/config.json'), headers: { host: 'localhost:3000' }, body: async () => Buffer.alloc(0) });
    expect(JSON.parse(answer!.body.toString()).auth.authority).toBe('http://localhost:3000');
  });

  it('answers 503 with what to do when the app is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'web-dist-empty-'));
    const { fallbackPage } = createWebAppFiles({ config: parseConfig(rawConfig), distDir: empty });
    const answer = await fallbackPage({ method: 'GET', url: new URL('http://localhost/requests'), headers: {}, body: async () => Buffer.alloc(0) });
    expect(answer?.statusCode).toBe(503);
    expect(answer?.body.toString()).toContain('npm run build:web');
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('client-side paths', () => {
  it('are the ones the app routes (CLIENT_PATHS in web/src/app/routes.tsx)', () => {
    const source = readFileSync(new URL('../../../web/src/app/routes.tsx', import.meta.url), 'utf8');
    const listed = /export const CLIENT_PATHS = \[([^\]]*)\]/.exec(source)?.[1];
    expect(listed).toBeDefined();
    const paths = [...listed!.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(paths).toEqual([...CLIENT_PATHS]);
  });

  it('never include the API stage', () => {
    expect(isClientPath('/api/requests')).toBe(false);
    expect(isClientPath('/request/x')).toBe(true);
    expect(isClientPath('/request/')).toBe(false);
  });
});

describe('localRuntimeConfig', () => {
  it('drops a trailing slash of the server URL', () => {
    expect(localRuntimeConfig('http://localhost:3000/', parseConfig(rawConfig)).auth.metadataUrl).toBe('http://localhost:3000/.well-known/openid-configuration');
  });
});
