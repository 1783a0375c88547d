import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { createLocalSignIn } from '../../local/local-sign-in.ts';
import { useLocalUploads } from '../../local/local-uploads.ts';
import { findFreePort } from '../../local/port-check.ts';
import { createWebAppFiles } from '../../local/web-app-files.ts';
import { startTestApp, type TestApp, type TestAppOptions } from '../integration/harness.ts';
import { watchContentSecurityPolicy, type CspWatch } from './content-security-policy.ts';

/** Debian's Chromium; Playwright downloads no browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserApp {
  /** The local runtime: the real handlers on a fresh table, the web app from web/dist on the same origin. */
  api: TestApp;
  /** The app's origin, as a browser opens it. */
  url: string;
  browser: Browser;
  /** A fresh context (no cookies, no storage) and a page in it, with the CSP watched from the first document on. */
  newPage(): Promise<AppPage>;
  close(): Promise<void>;
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  csp: CspWatch;
}

/**
 * One runtime and one Chromium per test file (call it in beforeAll). Each launch gets a profile of
 * its own in a fresh temporary directory, and each table is new, so runs share no state.
 */
export async function startBrowserApp(options: Pick<TestAppOptions, 'sideEffects' | 'config'> & { uploads?: boolean } = {}): Promise<BrowserApp> {
  // The sign-in's client and discovery document name the port, so it is chosen first.
  const port = await findFreePort();
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const { uploads, ...appOptions } = options;
  const api = await startTestApp({
    ...appOptions,
    ...(uploads ? { uploads: { webOrigins: origins } } : {}),
    port,
    // As `npm start` serves them: the local sign-in (OpenID Connect) and the web app's files.
    pages: async (issuer) => {
      const config = serviceDeskConfig();
      const webApp = createWebAppFiles({ config });
      const signIn = await createLocalSignIn({ issuer, config, port });
      return { pages: [signIn, webApp.page], fallbackPages: [webApp.fallbackPage] };
    },
  });
  // The browser posts files to the S3 stand-in on the origin it is on (the CSP allows no other).
  if (uploads) useLocalUploads(origins[0]!);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await api.close();
    throw error;
  }
  // The browser sees the origin `npm start` prints (localhost), as a person would open it.
  const url = api.url.replace('127.0.0.1', 'localhost');
  const contexts: BrowserContext[] = [];
  return {
    api,
    url,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: url, locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      const csp = await watchContentSecurityPolicy(page);
      return { context, page, csp };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await api.close();
    },
  };
}
