/** Who is signed in, as the ID token says (the API decides what they may do; the app only shows it). */
export interface SignedInPerson {
  email: string;
  name: string;
  /** Cognito groups: admin, manager, agent; none for requesters. */
  groups: readonly string[];
}
