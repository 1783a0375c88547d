import { signUpDecision, type SignUpDecision } from '../auth/sign-up-policy.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { invitationValid } from '../domain/invitation.ts';
import type { Invitations } from '../ports/invitations.ts';

export interface CheckSignUpDeps {
  config: ServiceDeskConfig;
  invitations: Pick<Invitations, 'find'>;
  now: () => Date;
}

/** Whether this address may create an account: the sign-up rule, with the address's invitation read (one GetItem). */
export const checkSignUp =
  (deps: CheckSignUpDeps) =>
  async (email: string): Promise<SignUpDecision> => {
    const address = email.trim().toLowerCase();
    const staff = deps.config.users.some((user) => user.email.toLowerCase() === address);
    // Staff and allowed domains need no invitation: the table is read only when it decides.
    const withoutInvitation = signUpDecision(address, deps.config.signIn, { invited: false, staff });
    if (withoutInvitation.allowed) return withoutInvitation;
    const invited = invitationValid(await deps.invitations.find(address), deps.now());
    return signUpDecision(address, deps.config.signIn, { invited, staff });
  };
