import { describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../config/runtime-config';
import { readStoredSession, storedSessionKey } from './auth-session';

const config: RuntimeConfig = {
  apiBaseUrl: '/api',
  auth: { authority: 'http://desk.test', clientId: 'web', domain: 'http://desk.test', redirectPath: '/auth/callback', signOutPath: '/signed-out' },
  identityProviders: [],
};

const storageWith = (entries: Record<string, string>) => ({ getItem: (key: string) => entries[key] ?? null });

describe('the stored session', () => {
  it("is read under oidc-client-ts's key for the authority and the client, with the person from the ID token's claims", () => {
    const user = { id_token: 'id-token', expires_at: 1_900_000_000, profile: { email: 'rita@example.org', name: 'Rita Requester', 'cognito:groups': ['agent'] } };
    const stored = readStoredSession(config, storageWith({ [storedSessionKey(config)]: JSON.stringify(user) }));
    expect(storedSessionKey(config)).toBe('oidc.user:http://desk.test:web');
    expect(stored).toMatchObject({ idToken: 'id-token', expiresAt: 1_900_000_000, person: { email: 'rita@example.org', name: 'Rita Requester', groups: ['agent'] } });
  });

  it('is null when nobody signed in in this tab', () => {
    expect(readStoredSession(config, storageWith({}))).toBeNull();
  });

  it('is left to oidc-client-ts (undefined) when what is stored is not a session this code can read', () => {
    expect(readStoredSession(config, storageWith({ [storedSessionKey(config)]: '{not json' }))).toBeUndefined();
    expect(readStoredSession(config, storageWith({ [storedSessionKey(config)]: JSON.stringify({ id_token: 'x' }) }))).toBeUndefined();
  });
});
