import type { Invitation } from '../domain/invitation.ts';

/** Invitations to sign up, one per address. */
export interface Invitations {
  /** Stores the invitation, replacing an earlier one of the address; true when there was none. */
  put(invitation: Invitation): Promise<{ created: boolean }>;
  find(email: string): Promise<Invitation | undefined>;
}
