import { UserManager, WebStorageStateStore, type User, type UserManagerSettings } from 'oidc-client-ts';
import type { RuntimeConfig } from '../config/runtime-config';
import { RENEW_BEFORE_SECONDS, type AuthSession } from './auth-session-contract';
import { personFromClaims, type SignedInPerson } from './signed-in-person';

/** Where the browser is and how it leaves for another page; `window.location` in the app. */
export interface BrowserLocation {
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  assign(url: string): void;
}

/**
 * oidc-client-ts's settings for the desk's web client: the authorization code flow with PKCE (S256,
 * the library's default), tokens kept in session storage only (never a cookie, never local
 * storage), renewed with the refresh token a minute before they expire.
 */
export function userManagerSettings(config: RuntimeConfig, origin: string, storage: Storage): UserManagerSettings {
  const { auth } = config;
  return {
    authority: auth.authority,
    ...(auth.metadataUrl ? { metadataUrl: auth.metadataUrl } : {}),
    client_id: auth.clientId,
    redirect_uri: origin + auth.redirectPath,
    post_logout_redirect_uri: origin + auth.signOutPath,
    response_type: 'code',
    scope: 'openid email profile',
    disablePKCE: false,
    userStore: new WebStorageStateStore({ store: storage, prefix: 'oidc.' }),
    stateStore: new WebStorageStateStore({ store: storage, prefix: 'oidc.' }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: RENEW_BEFORE_SECONDS,
    // Cognito's ID token carries name, email and groups; its userinfo endpoint adds nothing we show.
    loadUserInfo: false,
  };
}

/** Only a path of this app: `/requests/SD-1?x#y`, never `//elsewhere` or `https://...`. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** The person as the ID token names them (the API decides what they may do). */
export function personOf(user: User): SignedInPerson {
  return personFromClaims(user.profile as Record<string, unknown>);
}

/** Cognito's sign-out: its hosted `/logout` with the client and where to come back to. */
export function logoutUrl(config: RuntimeConfig, origin: string): string {
  const url = new URL('/logout', config.auth.domain);
  url.searchParams.set('client_id', config.auth.clientId);
  url.searchParams.set('logout_uri', origin + config.auth.signOutPath);
  return url.toString();
}

type SessionUserManager = Pick<UserManager, 'getUser' | 'signinRedirect' | 'signinRedirectCallback' | 'signinSilent' | 'removeUser' | 'events'>;

export interface OidcSessionOptions {
  location: BrowserLocation;
  storage: Storage;
  /** Made from the settings by default; tests give their own. */
  userManager?: SessionUserManager;
}

/** The sign-in session on oidc-client-ts. */
export function createOidcSession(config: RuntimeConfig, options: OidcSessionOptions): AuthSession {
  const { location } = options;
  const manager: SessionUserManager = options.userManager ?? new UserManager(userManagerSettings(config, location.origin, options.storage));
  const listeners = new Set<(person: SignedInPerson | undefined) => void>();
  const notify = (user: User | null | undefined) => {
    const person = user && !user.expired ? personOf(user) : undefined;
    for (const listener of listeners) listener(person);
  };
  const here = () => location.pathname + location.search + location.hash;

  const signIn = async (returnTo?: string, identityProvider?: string) => {
    await manager.signinRedirect({
      state: safeReturnPath(returnTo ?? here()),
      ...(identityProvider ? { extraQueryParams: { identity_provider: identityProvider } } : {}),
    });
  };

  let renewing: Promise<User | null> | undefined;
  /** Renews with the refresh token; when that fails the person signs in again and comes back here. */
  const renew = async (): Promise<User | null> => {
    renewing ??= manager
      .signinSilent()
      .catch(async () => {
        await manager.removeUser();
        await signIn(here());
        return null;
      })
      .finally(() => {
        renewing = undefined;
      });
    return renewing;
  };

  manager.events.addUserLoaded((user) => notify(user));
  manager.events.addUserUnloaded(() => notify(undefined));
  manager.events.addSilentRenewError(() => {
    void renew();
  });

  const currentUser = async (): Promise<User | null> => {
    const user = await manager.getUser();
    if (!user) return null;
    if (!user.expired) return user;
    // Expired while the tab slept: renew once, or sign in again.
    return user.refresh_token ? renew() : (await manager.removeUser(), null);
  };

  return {
    async person() {
      const user = await currentUser();
      return user ? personOf(user) : undefined;
    },
    async idToken() {
      const user = await currentUser();
      return user?.id_token;
    },
    signIn,
    async completeSignIn() {
      const user = await manager.signinRedirectCallback();
      return safeReturnPath(user.state);
    },
    async signOut() {
      await manager.removeUser();
      location.assign(logoutUrl(config, location.origin));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
