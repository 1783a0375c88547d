import { describe, expect, it } from 'vitest';
import { claimList, principalFromClaims } from '../../../shared/auth/principal.ts';
import { UnauthenticatedError } from '../../../shared/errors.ts';

describe('the caller from JWT claims', () => {
  it('reads groups as API Gateway renders them', () => {
    expect(claimList('[admin agent]')).toEqual(['admin', 'agent']);
    expect(claimList('["manager"]')).toEqual(['manager']);
    expect(claimList(['agent'])).toEqual(['agent']);
    expect(claimList(undefined)).toEqual([]);
  });

  it('makes a staff user from Cognito groups, keeping only staff roles', () => {
    const principal = principalFromClaims({ sub: 'u1', email: 'Alice@Example.com', email_verified: 'true', 'cognito:groups': '[agent beta-testers]' });
    expect(principal).toEqual({ kind: 'user', sub: 'u1', email: 'alice@example.com', roles: ['agent'] });
  });

  it('does not trust an unverified email', () => {
    const principal = principalFromClaims({ sub: 'u2', email: 'someone@example.org', email_verified: 'false' });
    expect(principal).toEqual({ kind: 'user', sub: 'u2', roles: [] });
  });

  it('makes a machine client from a client-credentials access token with its scopes', () => {
    const principal = principalFromClaims(
      { sub: 'client-1', client_id: 'client-1', token_use: 'access', scope: 'servicedesk/tickets.read servicedesk/tickets.write' },
      ['servicedesk/tickets.read', 'servicedesk/tickets.write'],
    );
    expect(principal).toEqual({ kind: 'client', clientId: 'client-1', scopes: ['servicedesk/tickets.read', 'servicedesk/tickets.write'] });
  });

  it('refuses a request without claims', () => {
    expect(() => principalFromClaims(undefined)).toThrow(UnauthenticatedError);
    expect(() => principalFromClaims({ email: 'x@example.org' })).toThrow(UnauthenticatedError);
  });
});
