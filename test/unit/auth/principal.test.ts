import { describe, expect, it } from 'vitest';
import { groupsClaim, principalFromClaims } from '../../../shared/auth/principal.ts';
import { UnauthenticatedError } from '../../../shared/errors.ts';
import { COGNITO_ACCESS_TOKEN } from '../../fixtures/cognito/cognito-token-payloads.ts';

describe('the caller from JWT claims', () => {
  it('reads groups as API Gateway renders them', () => {
    expect(groupsClaim('[admin agent]')).toEqual(['admin', 'agent']);
    expect(groupsClaim('[manager]')).toEqual(['manager']);
    expect(groupsClaim('[]')).toEqual([]);
    expect(groupsClaim(['agent'])).toEqual(['agent']);
    expect(groupsClaim(undefined)).toEqual([]);
  });

  it('matches whole group names: commas, quotes and brackets in a name grant nothing', () => {
    // How API Gateway renders the groups ["x,admin"], ['["admin"]'], ["[admin]"], ["admin]", "[agent"] and ["x,admin", "y"].
    for (const rendered of ['[x,admin]', '[["admin"]]', '[[admin]]', '[admin] [agent]', '[x,admin y]', '[admin,agent]']) {
      expect(principalFromClaims({ sub: 'u', 'cognito:groups': rendered }), rendered).toEqual({ kind: 'user', sub: 'u', roles: [] });
    }
    // The same names as a real array.
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': ['x,admin', '["admin"]', '[admin]'] })).toEqual({ kind: 'user', sub: 'u', roles: [] });
    // A plain string claim is one name, never a list.
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': 'x,admin' })).toEqual({ kind: 'user', sub: 'u', roles: [] });
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': 'admin agent' })).toEqual({ kind: 'user', sub: 'u', roles: [] });
  });

  it('keeps the staff groups among other groups with odd names', () => {
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': '[x,admin agent ["manager"]]' })).toEqual({ kind: 'user', sub: 'u', roles: ['agent'] });
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
    const principal = principalFromClaims({ sub: 'client-1', client_id: 'client-1', token_use: 'access', scope: 'servicedesk/tickets.read servicedesk/tickets.write' }, [
      'servicedesk/tickets.read',
      'servicedesk/tickets.write',
    ]);
    expect(principal).toEqual({ kind: 'client', clientId: 'client-1', scopes: ['servicedesk/tickets.read', 'servicedesk/tickets.write'] });
  });

  it("takes a person's access token (username, no email) as that person by sub, never as a client nor by someone's email", () => {
    const { iss: _iss, ...claims } = COGNITO_ACCESS_TOKEN;
    // As API Gateway hands them over: every claim a string, the groups as "[agent]".
    const flat = Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]));
    expect(principalFromClaims(flat, ['openid', 'email', 'profile'])).toEqual({ kind: 'user', sub: COGNITO_ACCESS_TOKEN.sub, roles: ['agent'] });
  });

  it('refuses a request without claims', () => {
    expect(() => principalFromClaims(undefined)).toThrow(UnauthenticatedError);
    expect(() => principalFromClaims({ email: 'x@example.org' })).toThrow(UnauthenticatedError);
  });
});
