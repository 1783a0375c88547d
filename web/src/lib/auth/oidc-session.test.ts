import { User } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '../config/runtime-config';
import { createOidcSession, logoutUrl, personOf, safeReturnPath, userManagerSettings, type BrowserLocation } from './oidc-session';

const config: RuntimeConfig = {
  apiBaseUrl: '/api',
  auth: {
    authority: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_abc',
    clientId: 'web-client',
    domain: 'https://desk.auth.eu-central-1.amazoncognito.com',
    redirectPath: '/auth/callback',
    signOutPath: '/signed-out',
  },
  identityProviders: [{ id: 'Corporate', name: 'Corporate SSO' }],
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

function user(overrides: { expiresIn?: number; refreshToken?: string; groups?: string[]; state?: unknown } = {}) {
  return new User({
    id_token: 'id-token',
    access_token: 'access-token',
    token_type: 'Bearer',
    ...(overrides.refreshToken ? { refresh_token: overrides.refreshToken } : {}),
    expires_at: nowSeconds() + (overrides.expiresIn ?? 3600),
    profile: {
      sub: 'u1',
      iss: config.auth.authority,
      aud: 'web-client',
      exp: nowSeconds() + 3600,
      iat: nowSeconds(),
      email: 'jane@example.org',
      name: 'Jane Doe',
      ...(overrides.groups ? { 'cognito:groups': overrides.groups } : {}),
    },
    userState: overrides.state,
  });
}

function fakeManager(stored: User | null) {
  const handlers: { loaded: ((u: User) => void)[]; unloaded: (() => void)[]; renewError: ((e: Error) => void)[] } = { loaded: [], unloaded: [], renewError: [] };
  let current = stored;
  const manager = {
    getUser: vi.fn(async () => current),
    signinRedirect: vi.fn(async (_args?: unknown) => undefined),
    signinRedirectCallback: vi.fn(async () => user({ state: '/requests/SD-1' })),
    signinSilent: vi.fn(async (): Promise<User | null> => null),
    removeUser: vi.fn(async () => {
      current = null;
      handlers.unloaded.forEach((handler) => handler());
    }),
    events: {
      addUserLoaded: (handler: (u: User) => void) => handlers.loaded.push(handler),
      addUserUnloaded: (handler: () => void) => handlers.unloaded.push(handler),
      addSilentRenewError: (handler: (e: Error) => void) => handlers.renewError.push(handler),
    },
  };
  return { manager, handlers, setUser: (next: User | null) => (current = next) };
}

function fakeLocation(path = '/request/it-access-request'): BrowserLocation & { assigned: string[] } {
  const assigned: string[] = [];
  return { origin: 'https://desk.example.com', pathname: path, search: '?a=1', hash: '', assign: (url: string) => assigned.push(url), assigned };
}

function session(stored: User | null, location = fakeLocation()) {
  const fake = fakeManager(stored);
  // The fake has the members the session uses; the real UserManager's events have many more.
  const auth = createOidcSession(config, { location, storage: sessionStorage, userManager: fake.manager as never });
  return { auth, ...fake, location };
}

describe("oidc-client-ts's settings", () => {
  it('use the authorization code flow with PKCE and keep tokens in session storage only', () => {
    const settings = userManagerSettings(config, 'https://desk.example.com', sessionStorage);
    expect(settings).toMatchObject({
      authority: config.auth.authority,
      client_id: 'web-client',
      redirect_uri: 'https://desk.example.com/auth/callback',
      response_type: 'code',
      scope: 'openid email profile',
      disablePKCE: false,
      automaticSilentRenew: true,
      accessTokenExpiringNotificationTimeInSeconds: 60,
    });
    expect(settings.metadataUrl).toBeUndefined();
    expect(settings.userStore).toBeDefined();
  });

  it('store the user in session storage, not local storage', async () => {
    const settings = userManagerSettings(config, 'https://desk.example.com', sessionStorage);
    await settings.userStore!.set('probe', 'value');
    expect(sessionStorage.getItem('oidc.probe')).toBe('value');
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    sessionStorage.removeItem('oidc.probe');
  });

  it('name the discovery document when the issuer keeps it elsewhere (the local issuer)', () => {
    const local = { ...config, auth: { ...config.auth, metadataUrl: 'http://localhost:3000/.well-known/openid-configuration' } };
    expect(userManagerSettings(local, 'http://localhost:3000', sessionStorage).metadataUrl).toBe('http://localhost:3000/.well-known/openid-configuration');
  });
});

describe('the sign-in session', () => {
  it('is signed out without a stored user', async () => {
    const { auth } = session(null);
    expect(await auth.person()).toBeUndefined();
    expect(await auth.idToken()).toBeUndefined();
  });

  it('names the person and their groups from the ID token and gives the ID token to the API', async () => {
    const { auth } = session(user({ groups: ['agent'] }));
    expect(await auth.person()).toEqual({ email: 'jane@example.org', name: 'Jane Doe', groups: ['agent'] });
    expect(await auth.idToken()).toBe('id-token');
  });

  it('sends the person to sign in with where they were, and to their identity provider when one is chosen', async () => {
    const { auth, manager } = session(null);
    await auth.signIn();
    expect(manager.signinRedirect).toHaveBeenLastCalledWith({ state: '/request/it-access-request?a=1' });
    await auth.signIn('/requests', 'Corporate');
    expect(manager.signinRedirect).toHaveBeenLastCalledWith({ state: '/requests', extraQueryParams: { identity_provider: 'Corporate' } });
  });

  it('returns to where the person was after the callback, and never to another site', async () => {
    const { auth, manager } = session(null);
    expect(await auth.completeSignIn()).toBe('/requests/SD-1');
    manager.signinRedirectCallback.mockResolvedValueOnce(user({ state: 'https://evil.example/' }));
    expect(await auth.completeSignIn()).toBe('/');
    expect(safeReturnPath('//evil.example')).toBe('/');
  });

  it('renews an expired session with the refresh token', async () => {
    const { auth, manager } = session(user({ expiresIn: -10, refreshToken: 'refresh' }));
    const renewed = user({ refreshToken: 'refresh-2' });
    manager.signinSilent.mockResolvedValueOnce(renewed);
    expect(await auth.idToken()).toBe('id-token');
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
    expect(manager.signinRedirect).not.toHaveBeenCalled();
  });

  it('sends the person back to sign in, returning here, when renewal fails', async () => {
    const { auth, manager } = session(user({ expiresIn: -10, refreshToken: 'refresh' }));
    manager.signinSilent.mockRejectedValueOnce(new Error('invalid_grant'));
    expect(await auth.idToken()).toBeUndefined();
    expect(manager.removeUser).toHaveBeenCalled();
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: '/request/it-access-request?a=1' });
  });

  it('renews through the refresh token when the automatic renewal before expiry fails once', async () => {
    const { manager, handlers } = session(user({ refreshToken: 'refresh' }));
    manager.signinSilent.mockRejectedValueOnce(new Error('network'));
    handlers.renewError.forEach((handler) => handler(new Error('network')));
    await vi.waitFor(() => expect(manager.signinRedirect).toHaveBeenCalledWith({ state: '/request/it-access-request?a=1' }));
  });

  it("signs out by forgetting the user, then through Cognito's /logout back to the signed-out page", async () => {
    const { auth, manager, location } = session(user());
    const seen: unknown[] = [];
    auth.subscribe((person) => seen.push(person));
    await auth.signOut();
    expect(manager.removeUser).toHaveBeenCalled();
    expect(seen).toEqual([undefined]);
    expect(location.assigned).toEqual(['https://desk.auth.eu-central-1.amazoncognito.com/logout?client_id=web-client&logout_uri=https%3A%2F%2Fdesk.example.com%2Fsigned-out']);
    expect(logoutUrl(config, 'http://localhost:5173')).toContain('logout_uri=http%3A%2F%2Flocalhost%3A5173%2Fsigned-out');
  });

  it('uses the email as the name when the token has none', () => {
    const anonymous = user();
    delete (anonymous.profile as Record<string, unknown>).name;
    expect(personOf(anonymous).name).toBe('jane@example.org');
  });
});
