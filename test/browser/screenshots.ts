import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Shown by the README; rewritten by each run, so they show the app as it is. */
export const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export const COLOR_SCHEMES = ['light', 'dark'] as const;

/**
 * Screenshots of the page in the light and the dark theme (`prefers-color-scheme`), as
 * `<name>-light.png` and `<name>-dark.png`; the page is left in the light scheme. Returns the files.
 */
export async function screenshotLightAndDark(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const files: string[] = [];
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Fonts loaded and the new scheme's styles applied before the picture is taken.
    await page.evaluate('document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))');
    const file = join(SCREENSHOTS_DIR, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return files;
}
