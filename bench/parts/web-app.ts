/**
 * The web app's budgets: the JavaScript the portal loads before it shows anything (gzip, as
 * CloudFront serves it) and Lighthouse's accessibility and performance scores of the portal home
 * and a request form, served by the local runtime from a fresh web/dist, signed in.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { PROJECT_ROOT } from '../../infra/constructs/service-desk-function.ts';
import { createLocalDynamoDbClient, startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { startHttpServer } from '../../local/http-server.ts';
import { createInMemoryIssuer, LOCAL_CLIENT_ID, type LocalIssuer } from '../../local/issuer.ts';
import { findFreePort } from '../../local/port-check.ts';
import { ensureTable } from '../../local/table.ts';
import { personClaims, resolveTokenPerson } from '../../local/token-claims.ts';
import { createWebAppFiles, localRuntimeConfig, WEB_DIST_DIR } from '../../local/web-app-files.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { ENV } from '../../shared/environment.ts';

const run = promisify(execFile);

export const INITIAL_JS_TARGET_BYTES = 100 * 1024;
export const ACCESSIBILITY_TARGET = 100;
export const PERFORMANCE_TARGET = 95;
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** The pages Lighthouse scores: the portal home and the request form of a pinned item with a required field. */
export const LIGHTHOUSE_PAGES = [
  { name: 'portal home', path: '/' },
  { name: 'request form (Broken device)', path: '/request/it-hardware-broken' },
] as const;

export interface InitialJavaScript {
  /** The entry chunk and its static imports, in the order index.html loads them. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  /** The stylesheets index.html links, for comparison (not in the budget). */
  cssGzipBytes: number;
  targetGzipBytes: number;
  meetsTarget: boolean;
}

export interface LighthousePage {
  name: string;
  path: string;
  accessibility: number;
  performance: number;
  /** Milliseconds, except CLS. */
  metrics: { firstContentfulPaint: number; largestContentfulPaint: number; totalBlockingTime: number; cumulativeLayoutShift: number; speedIndex: number };
  /** Accessibility audits that did not pass, by id. */
  failedAccessibilityAudits: string[];
  meetsAccessibility: boolean;
  meetsPerformance: boolean;
}

export interface WebAppResult {
  buildSeconds: number;
  initialJs: InitialJavaScript;
  lighthouse: {
    version: string;
    /** Lighthouse's default: a mobile device on a slow 4G network, simulated (the scores do not depend on this machine's load). */
    settings: string;
    signedInAs: string;
    /** Runs per page; each page's figures are its median run by performance score. */
    runs: number;
    pages: LighthousePage[];
    accessibilityTarget: number;
    performanceTarget: number;
  };
}

export async function measureWebApp(options: { lighthouseRuns: number }, log: (line: string) => void = () => undefined): Promise<WebAppResult> {
  const started = performance.now();
  await run('npm', ['run', 'build:web'], { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 });
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  const initialJs = measureInitialJavaScript(WEB_DIST_DIR);
  log(`initial JavaScript ${(initialJs.gzipBytes / 1024).toFixed(1)} KB gzip in ${initialJs.files.length} files; Lighthouse on ${LIGHTHOUSE_PAGES.length} pages`);
  return { buildSeconds, initialJs, lighthouse: await measureLighthouse(options.lighthouseRuns) };
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** What the built index.html loads before the app runs: read from Vite's manifest and checked against index.html. */
export function measureInitialJavaScript(distDir: string): InitialJavaScript {
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: web/vite.config.ts needs build.manifest: true`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest['index.html'] ?? Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('Vite manifest names no entry chunk');
  const seen = new Set<string>();
  const css = new Set<string>();
  const order: string[] = [];
  const visit = (chunk: ManifestChunk) => {
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    order.push(chunk.file);
    for (const sheet of chunk.css ?? []) css.add(sheet);
    for (const key of chunk.imports ?? []) visit(manifest[key]!);
  };
  visit(entry);
  // index.html must load exactly these: the entry as its module script, the rest as modulepreload.
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const loaded = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+)"/g)].map((match) => match[1]!);
  const missing = order.filter((file) => !loaded.includes(file));
  if (missing.length) throw new Error(`index.html does not load ${missing.join(', ')} that the manifest lists for the entry`);
  const files = order.map((file) => {
    const content = readFileSync(join(distDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const gzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes,
    cssGzipBytes: [...css].reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length, 0),
    targetGzipBytes: INITIAL_JS_TARGET_BYTES,
    meetsTarget: gzipBytes <= INITIAL_JS_TARGET_BYTES,
  };
}

export interface WebRuntime {
  url: string;
  issuer: LocalIssuer;
  stop(): Promise<void>;
}

/** The local runtime with the web app (API under /api, web/dist, config.json), on free ports and a fresh table. */
export async function startWebRuntime(): Promise<WebRuntime> {
  const dynamodb = await startDynamoDbLocal({ port: await findFreePort() });
  const tableName = 'bench-web';
  const client = createLocalDynamoDbClient(dynamodb.endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  process.env[ENV.tableName] = tableName;
  process.env[ENV.dynamodbEndpoint] = dynamodb.endpoint;
  process.env[ENV.approvalLinkSecret] ??= 'bench';
  const issuer = await createInMemoryIssuer();
  const webApp = createWebAppFiles({ config: serviceDeskConfig() });
  const server = await startHttpServer({ port: 0, issuer, quiet: true, pages: [webApp.page], fallbackPages: [webApp.fallbackPage] });
  return {
    url: server.url.replace('127.0.0.1', 'localhost'),
    issuer,
    async stop() {
      await server.close();
      await dynamodb.stop();
    },
  };
}

/**
 * A signed-in session as the app keeps it: oidc-client-ts's user record in sessionStorage, under
 * `oidc.user:<authority>:<client id>`, holding the ID token the app sends to the API.
 */
export async function sessionStorageEntry(issuer: LocalIssuer, origin: string, email: string): Promise<{ key: string; value: string }> {
  const person = resolveTokenPerson(serviceDeskConfig(), { email });
  const claims = personClaims(person);
  const idToken = await issuer.sign(claims, { expiresIn: '1h' });
  const accessToken = await issuer.sign({ ...claims, token_use: 'access', client_id: LOCAL_CLIENT_ID }, { expiresIn: '1h' });
  const profile = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const { authority } = localRuntimeConfig(origin, serviceDeskConfig()).auth;
  return {
    key: `oidc.user:${authority}:${LOCAL_CLIENT_ID}`,
    value: JSON.stringify({ id_token: idToken, access_token: accessToken, token_type: 'Bearer', scope: 'openid email profile', profile, expires_at: profile.exp }),
  };
}

async function measureLighthouse(runs: number): Promise<WebAppResult['lighthouse']> {
  const runtime = await startWebRuntime();
  const email = 'rita@example.org';
  try {
    const { version, pages } = await lighthouseScores(
      runtime,
      LIGHTHOUSE_PAGES.map((page) => ({ ...page, email })),
      runs,
    );
    return {
      version,
      settings: LIGHTHOUSE_SETTINGS,
      signedInAs: email,
      runs,
      pages,
      accessibilityTarget: ACCESSIBILITY_TARGET,
      performanceTarget: PERFORMANCE_TARGET,
    };
  } finally {
    await runtime.stop();
  }
}

export const LIGHTHOUSE_SETTINGS = 'Lighthouse defaults: mobile, simulated slow 4G and 4x CPU slowdown';

/** Lighthouse on each page, signed in as the page's person; each page's median run by performance score. */
export async function lighthouseScores(runtime: WebRuntime, targets: readonly { name: string; path: string; email: string }[], runs: number): Promise<{ version: string; pages: LighthousePage[] }> {
  process.env.CHROME_PATH = CHROMIUM_PATH;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const pages: LighthousePage[] = [];
    let version = '';
    for (const target of targets) {
      const session = await sessionStorageEntry(runtime.issuer, runtime.url, target.email);
      const measured: LighthousePage[] = [];
      for (let round = 0; round < runs; round++) {
        const page = await browser.newPage();
        // The session goes in before the measured load, which keeps it (no storage reset).
        await page.goto(`${runtime.url}/config.json`);
        await page.evaluate(`sessionStorage.setItem(${JSON.stringify(session.key)}, ${JSON.stringify(session.value)})`);
        // One load first, so the server's first-request costs are not what is scored.
        if (round === 0) await page.goto(`${runtime.url}${target.path}`, { waitUntil: 'networkidle0' });
        const result = await lighthouse(
          `${runtime.url}${target.path}`,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
          undefined,
          page,
        );
        await page.close();
        if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${target.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        version = lhr.lighthouseVersion;
        const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
        const metric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * (id === 'cumulative-layout-shift' ? 1000 : 1)) / (id === 'cumulative-layout-shift' ? 1000 : 1);
        const failed = (lhr.categories.accessibility?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
        const accessibility = score('accessibility');
        const performanceScore = score('performance');
        measured.push({
          name: target.name,
          path: target.path,
          accessibility,
          performance: performanceScore,
          metrics: {
            firstContentfulPaint: metric('first-contentful-paint'),
            largestContentfulPaint: metric('largest-contentful-paint'),
            totalBlockingTime: metric('total-blocking-time'),
            cumulativeLayoutShift: metric('cumulative-layout-shift'),
            speedIndex: metric('speed-index'),
          },
          failedAccessibilityAudits: failed,
          meetsAccessibility: accessibility >= ACCESSIBILITY_TARGET,
          meetsPerformance: performanceScore >= PERFORMANCE_TARGET,
        });
      }
      // The median run by performance score, as Lighthouse's own guidance on variability advises.
      pages.push([...measured].sort((a, b) => a.performance - b.performance)[Math.floor(measured.length / 2)]!);
    }
    await browser.disconnect();
    return { version, pages };
  } finally {
    chrome.kill();
  }
}
