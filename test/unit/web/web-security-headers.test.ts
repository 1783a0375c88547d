import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, REACT_ARIA_PRESS_STYLE, REACT_ARIA_PRESS_STYLE_SOURCE, webSecurityHeaders } from '../../../infra/web-security-headers.ts';

/** The text React Aria's usePress puts in its style element, read from the installed library. */
function installedPressStyle(): string {
  const source = readFileSync(
    createRequire(import.meta.url)
      .resolve('react-aria')
      .replace(/dist\/.*$/, 'dist/private/interactions/usePress.mjs'),
    'utf8',
  );
  const attribute = /PRESSABLE_ATTRIBUTE = '([^']+)'/.exec(source)![1]!;
  const template = /style\.textContent = `([\s\S]*?)`\.trim\(\)/.exec(source)![1]!;
  return template.replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/g, attribute).trim();
}

describe('webSecurityHeaders', () => {
  it('lets in by its hash exactly the style element the installed React Aria adds', () => {
    expect(installedPressStyle()).toBe(REACT_ARIA_PRESS_STYLE);
    expect(REACT_ARIA_PRESS_STYLE_SOURCE).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it('is a strict policy with no inline script, on the app origin only by default', () => {
    expect(webSecurityHeaders()).toEqual({
      'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' ${REACT_ARIA_PRESS_STYLE_SOURCE}; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`,
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
  });

  it('adds the origins scripts may call and forms may post to, once each', () => {
    const policy = contentSecurityPolicy({
      connectSrc: ['https://auth.example.com', 'https://uploads.s3.eu-west-1.amazonaws.com', 'https://auth.example.com'],
      formAction: ['https://auth.example.com'],
    });
    expect(policy).toContain("connect-src 'self' https://auth.example.com https://uploads.s3.eu-west-1.amazonaws.com;");
    expect(policy).toContain("form-action 'self' https://auth.example.com;");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('refuses a source that would smuggle in another directive', () => {
    expect(() => contentSecurityPolicy({ connectSrc: ["https://a.example.com; script-src 'unsafe-inline'"] })).toThrow(/not a CSP source/);
  });
});
