import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, webSecurityHeaders } from '../../../infra/web-security-headers.ts';

describe('webSecurityHeaders', () => {
  it('is a strict policy with no inline script, on the app origin only by default', () => {
    expect(webSecurityHeaders()).toEqual({
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
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
