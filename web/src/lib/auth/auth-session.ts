import { runtimeConfig } from '../config/runtime-config';
import type { SignedInPerson } from './signed-in-person';

/**
 * The sign-in session (OpenID Connect code flow with PKCE through oidc-client-ts): the one place
 * that holds tokens, in memory and session storage only.
 */
export interface AuthSession {
  /** The signed-in person, or undefined; a stored session is resumed first. */
  person(): Promise<SignedInPerson | undefined>;
  /** The ID token for the API, renewed when it is about to expire; undefined when signed out. */
  idToken(): Promise<string | undefined>;
  /** Sends the browser to the sign-in page; `returnTo` is where the person comes back to. */
  signIn(returnTo?: string, identityProvider?: string): Promise<void>;
  /** Completes the sign-in on the callback page and answers where to go next. */
  completeSignIn(): Promise<string>;
  signOut(): Promise<void>;
  /** Called with the new person (or undefined) whenever the session changes. */
  subscribe(listener: (person: SignedInPerson | undefined) => void): () => void;
}

let session: Promise<AuthSession> | undefined;

/** Uses this session instead of the OpenID Connect one (tests). */
export function provideAuthSession(next: AuthSession): void {
  session = Promise.resolve(next);
}

/** The oidc-client-ts session, made once the runtime configuration is known (its own chunk). */
function oidcSession(): Promise<AuthSession> {
  session ??= Promise.all([runtimeConfig(), import('./oidc-session')]).then(([config, { createOidcSession }]) =>
    createOidcSession(config, { location: window.location, storage: window.sessionStorage }),
  );
  return session;
}

/** The app's session; every call waits for the configuration and the OpenID Connect client. */
export const authSession: AuthSession = {
  person: async () => (await oidcSession()).person(),
  idToken: async () => (await oidcSession()).idToken(),
  signIn: async (returnTo, identityProvider) => (await oidcSession()).signIn(returnTo, identityProvider),
  completeSignIn: async () => (await oidcSession()).completeSignIn(),
  signOut: async () => (await oidcSession()).signOut(),
  subscribe(listener) {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void oidcSession().then((ready) => {
      if (!cancelled) unsubscribe = ready.subscribe(listener);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  },
};

/** Staff sign in to the same app; the console is their face (the API still decides what they may do). */
export const STAFF_GROUPS = ['admin', 'manager', 'agent'] as const;

export function isStaff(person: SignedInPerson): boolean {
  return person.groups.some((group) => (STAFF_GROUPS as readonly string[]).includes(group));
}
