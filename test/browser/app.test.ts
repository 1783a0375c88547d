import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webSecurityHeaders } from '../../infra/web-security-headers.ts';
import { expectAccessible } from './accessibility.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';
import { screenshotLightAndDark } from './screenshots.ts';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});

afterAll(async () => {
  await app?.close();
});

describe('the web app in Chromium', () => {
  it('loads at / with the security headers, and no script runs that the policy refuses', async () => {
    const { page, csp } = await app.newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    for (const [name, value] of Object.entries(webSecurityHeaders())) expect(headers[name], name).toBe(value);
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    await page.getByRole('main').waitFor();
    await expectAccessible(page);
    expect(await csp.violations()).toEqual([]);
    expect(csp.consoleReports).toEqual([]);

    // The policy is enforced, and the watch sees it: an inline script is refused and reported.
    await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'globalThis.inlineScriptRan = true';
      document.body.append(script);
    })()`);
    await expect.poll(() => csp.violations()).toEqual([expect.objectContaining({ directive: 'script-src-elem', blockedUri: 'inline' })]);
    expect(await page.evaluate('globalThis.inlineScriptRan === true')).toBe(false);
  });

  it('answers a deep link to a request with the app, which routes it', async () => {
    const { page, csp } = await app.newPage();
    const response = await page.goto('/requests/SD-1');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await response?.text()).toBe(readFileSync(new URL('../../web/dist/index.html', import.meta.url), 'utf8'));
    await page.getByRole('main').waitFor();
    expect(new URL(page.url()).pathname).toBe('/requests/SD-1');
    await expectAccessible(page);
    expect(await csp.violations()).toEqual([]);
    // An unknown API path stays the API's 404, not the app.
    const api = await page.request.get('/api/no-such-route');
    expect(api.status()).toBe(404);
    expect(await api.json()).toEqual({ message: 'Not Found' });
  });

  it('takes screenshots in the light and the dark scheme', async () => {
    const { page } = await app.newPage();
    await page.goto('/');
    await page.getByRole('main').waitFor();
    const [light, dark] = await screenshotLightAndDark(page, 'app-start');
    const png = (file: string) => readFileSync(file);
    // PNG signature, and the dark theme is really another picture.
    expect(png(light!).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png(dark!).equals(png(light!))).toBe(false);
    expect(await page.evaluate("matchMedia('(prefers-color-scheme: light)').matches")).toBe(true);
  });
});
