import { describe, expect, it } from 'vitest';
import { flattenClaims, scopesFromClaims } from '../../../local/authorizer-claims.ts';

describe('flattenClaims', () => {
  it('renders cognito:groups the way API Gateway does: "[admin agent]"', () => {
    expect(flattenClaims({ 'cognito:groups': ['admin', 'agent'] })).toEqual({ 'cognito:groups': '[admin agent]' });
  });

  it('renders a single group and no groups in the same bracket form', () => {
    expect(flattenClaims({ a: ['agent'], b: [] })).toEqual({ a: '[agent]', b: '[]' });
  });

  it('turns booleans into "true"/"false" and numbers into decimal strings', () => {
    expect(flattenClaims({ email_verified: true, other: false, exp: 1_700_000_000, ratio: 0.5 })).toEqual({
      email_verified: 'true',
      other: 'false',
      exp: '1700000000',
      ratio: '0.5',
    });
  });

  it('keeps strings as they are and leaves out null and undefined claims', () => {
    expect(flattenClaims({ sub: 'abc', email: 'a@example.org', gone: null, missing: undefined })).toEqual({
      sub: 'abc',
      email: 'a@example.org',
    });
  });

  it('renders nested objects as Go maps with sorted keys', () => {
    expect(flattenClaims({ address: { street: 'Main', city: 'Oslo' } })).toEqual({ address: 'map[city:Oslo street:Main]' });
  });
});

describe('scopesFromClaims', () => {
  it('splits the scope claim on spaces', () => {
    expect(scopesFromClaims({ scope: 'servicedesk/tickets.read servicedesk/tickets.write' })).toEqual(['servicedesk/tickets.read', 'servicedesk/tickets.write']);
  });

  it('is null for tokens without a scope claim, such as ID tokens', () => {
    expect(scopesFromClaims({ token_use: 'id' })).toBeNull();
    expect(scopesFromClaims({ scope: '' })).toBeNull();
  });
});
