import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceDeskConfig } from '#shared/config/config-schema';
import { webSecurityHeaders } from '../infra/web-security-headers.ts';
import type { RuntimeConfig } from '../web/src/lib/config/runtime-config.ts';
import { API_STAGE, type LocalPage, type LocalPageRequest } from './http-server.ts';
import { LOCAL_CLIENT_ID } from './issuer.ts';

/** Where `npm run build:web` writes the app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

/**
 * The app's client-side paths (CLIENT_PATHS in web/src/app/routes.tsx, kept equal by a unit test):
 * a navigation to one of them gets index.html, and the router shows the screen.
 */
export const CLIENT_PATHS = [
  '/',
  '/request/:itemId',
  '/requests',
  '/requests/:key',
  '/approvals',
  '/console',
  '/console/tickets/:key',
  '/console/team',
  '/console/team/:desk',
  '/console/admin/quarantine',
  '/console/admin/config',
  '/auth/callback',
  '/signed-out',
] as const;

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Vite names what it bundles `<name>-<hash>.<ext>` under assets/; such a file never changes. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export interface WebAppFilesOptions {
  config: ServiceDeskConfig;
  /** The built app; web/dist by default. Read on every request, so a watch build's output is served at once. */
  distDir?: string;
  /**
   * The server's URL as the browser reaches it (http://localhost:3000). By default the origin of
   * each request, so the app opened at localhost or 127.0.0.1 signs in on the origin it is on.
   */
  publicUrl?: string;
}

export interface WebAppFiles {
  /** The built files and `/config.json`: for the server's `pages`. */
  page: LocalPage;
  /** index.html for navigations to client-side paths: for the server's `fallbackPages`. */
  fallbackPage: LocalPage;
}

/** The web app as the local runtime serves it, with the deployed distribution's security headers. */
export function createWebAppFiles(options: WebAppFilesOptions): WebAppFiles {
  const distDir = resolve(options.distDir ?? WEB_DIST_DIR);
  const headers = webSecurityHeaders();

  const page: LocalPage = async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const path = request.url.pathname;
    if (path === '/config.json') {
      const body = Buffer.from(`${JSON.stringify(localRuntimeConfig(options.publicUrl ?? originOf(request), options.config), null, 2)}\n`);
      return { statusCode: 200, headers: { ...headers, 'content-type': CONTENT_TYPES['.json']!, 'cache-control': CACHE_REVALIDATE }, body };
    }
    // index.html is answered by the fallback, for client-side paths only.
    if (path === '/' || path === '/index.html') return undefined;
    const file = fileInDist(distDir, path);
    if (!file) return undefined;
    const body = await readRegularFile(file);
    if (!body) return undefined;
    return {
      statusCode: 200,
      headers: { ...headers, 'content-type': contentTypeOf(file), 'cache-control': HASHED_ASSET.test(path) ? CACHE_IMMUTABLE : CACHE_REVALIDATE },
      body,
    };
  };

  const fallbackPage: LocalPage = async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (!isClientPath(request.url.pathname) || !acceptsHtml(request)) return undefined;
    const html = { ...headers, 'content-type': CONTENT_TYPES['.html']!, 'cache-control': CACHE_REVALIDATE };
    const body = await readRegularFile(join(distDir, 'index.html'));
    if (!body) {
      const text = 'The web app is not built yet: run `npm run build:web` (npm start builds it when web/dist is missing).';
      return { statusCode: 503, headers: { ...headers, 'content-type': CONTENT_TYPES['.txt']!, 'cache-control': 'no-store' }, body: Buffer.from(`${text}\n`) };
    }
    return { statusCode: 200, headers: html, body };
  };

  return { page, fallbackPage };
}

/** `/config.json` for the local runtime: the API under /api and the local OpenID Connect provider on the same origin. */
export function localRuntimeConfig(serverUrl: string, config: ServiceDeskConfig): RuntimeConfig {
  const url = serverUrl.replace(/\/+$/, '');
  return {
    apiBaseUrl: `/${API_STAGE}`,
    auth: {
      authority: url,
      metadataUrl: `${url}/.well-known/openid-configuration`,
      clientId: LOCAL_CLIENT_ID,
      domain: url,
      redirectPath: '/auth/callback',
      signOutPath: '/signed-out',
    },
    identityProviders: config.signIn.identityProviders.map((provider) => ({ id: provider.id, name: provider.name })),
  };
}

const CLIENT_PATH_PATTERNS = CLIENT_PATHS.map(
  (path) =>
    new RegExp(
      `^${path
        .split('/')
        .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
        .join('/')}/?$`,
    ),
);

/** Whether the path is one of the app's screens (never one under the API's stage). */
export function isClientPath(path: string): boolean {
  if (path === `/${API_STAGE}` || path.startsWith(`/${API_STAGE}/`)) return false;
  return CLIENT_PATH_PATTERNS.some((pattern) => pattern.test(path));
}

/** A navigation, or a client with no preference; a caller asking for JSON only gets the 404. */
function acceptsHtml(request: LocalPageRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return true;
  return /text\/html|\*\/\*/.test(accept);
}

function originOf(request: LocalPageRequest): string {
  const host = request.headers.host;
  return host ? `http://${host}` : request.url.origin;
}

/** The file a URL path names inside the build, or undefined for anything outside it or hidden. */
function fileInDist(distDir: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const file = resolve(distDir, `.${decoded}`);
  return file.startsWith(distDir + sep) ? file : undefined;
}

async function readRegularFile(file: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
