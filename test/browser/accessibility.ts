import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What fails a test: axe's serious and critical findings (minor and moderate ones are reported, not failed). */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now; every test calls it after each navigation and after each
 * change of what the page shows (an error message, a dialog).
 */
export async function expectAccessible(page: Page, where = new URL(page.url()).pathname): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
  const report = failing.map((violation) => {
    const nodes = violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')} ${node.html.slice(0, 160)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
    return `  ${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`;
  });
  expect(report.join('\n'), `axe on ${where} found serious or critical violations`).toBe('');
}
