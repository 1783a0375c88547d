import { runtimeConfig, type RuntimeConfig } from '../config/runtime-config';
import { RENEW_BEFORE_SECONDS, type AuthSession } from './auth-session-contract';
import { personFromClaims, type SignedInPerson } from './signed-in-person';

export type { AuthSession };

type Listener = (person: SignedInPerson | undefined) => void;

let session: Promise<AuthSession> | undefined;
const listeners = new Set<Listener>();
const notify: Listener = (person) => {
  for (const listener of listeners) listener(person);
};

/** Uses this session instead of the OpenID Connect one (tests). */
export function provideAuthSession(next: AuthSession): void {
  next.subscribe(notify);
  session = Promise.resolve(next);
}

/** The oidc-client-ts session, made once the runtime configuration is known (its own chunk). */
function oidcSession(): Promise<AuthSession> {
  session ??= Promise.all([runtimeConfig(), import('./oidc-session')]).then(([config, { createOidcSession }]) => {
    const made = createOidcSession(config, { location: window.location, storage: window.sessionStorage });
    made.subscribe(notify);
    return made;
  });
  return session;
}

export interface StoredSession {
  idToken: string;
  /** Seconds since the epoch, as oidc-client-ts stores it. */
  expiresAt: number;
  person: SignedInPerson;
}

/** Where oidc-client-ts keeps the signed-in user in session storage (its `oidc.` prefix and user key). */
export function storedSessionKey(config: RuntimeConfig): string {
  return `oidc.user:${config.auth.authority}:${config.auth.clientId}`;
}

/**
 * The session oidc-client-ts stored in this tab, read without loading it: null when there is none
 * (signed out), undefined when the stored value is not one this code can read.
 */
export function readStoredSession(config: RuntimeConfig, storage: Pick<Storage, 'getItem'>): StoredSession | null | undefined {
  let raw: string | null;
  try {
    raw = storage.getItem(storedSessionKey(config));
  } catch {
    return undefined;
  }
  if (raw === null) return null;
  try {
    const user = JSON.parse(raw) as { id_token?: unknown; expires_at?: unknown; profile?: unknown };
    if (typeof user.id_token !== 'string' || typeof user.expires_at !== 'number' || typeof user.profile !== 'object' || user.profile === null) return undefined;
    return { idToken: user.id_token, expiresAt: user.expires_at, person: personFromClaims(user.profile as Record<string, unknown>) };
  } catch {
    return undefined;
  }
}

let renewalTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A stored session that needs no renewal yet, or undefined when oidc-client-ts must answer (it has
 * been loaded already, or the stored session is unreadable or about to expire). While the stored
 * one serves, oidc-client-ts is loaded when renewal is due, and renews it as it always does.
 */
async function storedAnswer(): Promise<StoredSession | null | undefined> {
  if (session) return undefined;
  const config = await runtimeConfig();
  if (session) return undefined;
  const stored = readStoredSession(config, window.sessionStorage);
  if (stored === null) return null;
  if (!stored) return undefined;
  const renewAt = (stored.expiresAt - RENEW_BEFORE_SECONDS) * 1000;
  if (renewAt <= Date.now()) return undefined;
  renewalTimer ??= setTimeout(() => void oidcSession(), renewAt - Date.now());
  return stored;
}

/**
 * The app's session. A page of a signed-in (or signed-out) tab starts from what is stored and
 * loads the OpenID Connect client only to sign in, sign out, complete a sign-in or renew.
 */
export const authSession: AuthSession = {
  async person() {
    const stored = await storedAnswer();
    if (stored !== undefined) return stored?.person;
    return (await oidcSession()).person();
  },
  async idToken() {
    const stored = await storedAnswer();
    if (stored !== undefined) return stored?.idToken;
    return (await oidcSession()).idToken();
  },
  signIn: async (returnTo, identityProvider) => (await oidcSession()).signIn(returnTo, identityProvider),
  completeSignIn: async () => (await oidcSession()).completeSignIn(),
  signOut: async () => (await oidcSession()).signOut(),
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Staff sign in to the same app; the console is their face (the API still decides what they may do). */
export const STAFF_GROUPS = ['admin', 'manager', 'agent'] as const;

export function isStaff(person: SignedInPerson): boolean {
  return person.groups.some((group) => (STAFF_GROUPS as readonly string[]).includes(group));
}
