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

/** How long before its expiry a token is renewed (oidc-client-ts's expiring notification, see oidc-session.ts). */
export const RENEW_BEFORE_SECONDS = 60;
