import type { Page } from 'playwright-core';

export interface CspViolation {
  directive: string;
  blockedUri: string;
  sample: string;
}

export interface CspWatch {
  /** Every `securitypolicyviolation` event of the page's documents so far. */
  violations(): Promise<CspViolation[]>;
  /** Console lines in which Chromium reports a refusal under the policy. */
  consoleReports: string[];
}

const LISTENER = `
  globalThis.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    globalThis.__cspViolations.push({ directive: event.effectiveDirective, blockedUri: event.blockedURI, sample: event.sample });
  });
`;

/**
 * Records the policy's violations from the start of every document: the listener is added by the
 * browser before any of the page's own scripts run (it is not an inline script the policy judges).
 */
export async function watchContentSecurityPolicy(page: Page): Promise<CspWatch> {
  await page.addInitScript({ content: LISTENER });
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleReports.push(message.text());
  });
  return {
    violations: () => page.evaluate('globalThis.__cspViolations ?? []') as Promise<CspViolation[]>,
    consoleReports,
  };
}
