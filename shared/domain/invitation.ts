/** The desk's invitation of a person to sign up to the portal. */
export interface Invitation {
  /** Lower-cased. */
  email: string;
  name?: string;
  /** The staff member who sent it. */
  invitedBy: string;
  invitedAt: string;
  /** When it stops letting the person sign up; inviting again moves it on. */
  expiresAt: string;
}

/** How long an invitation lets its person sign up. */
export const INVITATION_DAYS = 30;

export const invitationValid = (invitation: Invitation | undefined, now: Date): boolean => invitation !== undefined && Date.parse(invitation.expiresAt) > now.getTime();
