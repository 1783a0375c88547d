/** Who is signed in, as the ID token says (the API decides what they may do; the app only shows it). */
export interface SignedInPerson {
  email: string;
  name: string;
  /** Cognito groups: admin, manager, agent; none for requesters. */
  groups: readonly string[];
}

/** The person as the ID token's claims name them (the API decides what they may do). */
export function personFromClaims(profile: Record<string, unknown>): SignedInPerson {
  const email = typeof profile.email === 'string' ? profile.email : '';
  const name = typeof profile.name === 'string' && profile.name.trim() !== '' ? profile.name : email;
  const groups = Array.isArray(profile['cognito:groups']) ? profile['cognito:groups'].filter((group): group is string => typeof group === 'string') : [];
  return { email, name, groups };
}
