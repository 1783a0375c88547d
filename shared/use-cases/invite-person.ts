import { isStaff } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { INVITATION_DAYS, type Invitation } from '../domain/invitation.ts';
import { ForbiddenError } from '../errors.ts';
import type { Invitations } from '../ports/invitations.ts';

export interface InvitePersonDeps {
  invitations: Pick<Invitations, 'put'>;
  now: () => Date;
}

/**
 * Staff invite a person to sign up to the portal: the invitation is stored (inviting again
 * refreshes it and its expiry) and the stream mails it, with a link to the web app.
 */
export async function invitePerson(deps: InvitePersonDeps, principal: Principal, body: { email: string; name?: string | undefined }): Promise<{ invitation: Invitation; created: boolean }> {
  if (principal.kind !== 'user' || !isStaff(principal) || !principal.email) {
    throw new ForbiddenError('Only staff (agents, managers, admins) invite people to the portal');
  }
  const now = deps.now();
  const invitation: Invitation = {
    email: body.email,
    ...(body.name ? { name: body.name } : {}),
    invitedBy: principal.email,
    invitedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
  };
  const { created } = await deps.invitations.put(invitation);
  return { invitation, created };
}
