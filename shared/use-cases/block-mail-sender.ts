import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors.ts';
import type { BlockMailBody } from '../http/mail-block-schemas.ts';
import type { BlockedSender, MailBlocklist } from '../ports/mail-blocklist.ts';

/**
 * Blocks a sender or a domain: from now on its mail is held (quarantine reason `blocked`), opens
 * no ticket, threads on none and is never answered. Blocking what is blocked already changes
 * nothing and answers the entry in force.
 */
export async function blockMailSender(deps: { blocklist: MailBlocklist; now: () => Date }, principal: Principal, body: BlockMailBody): Promise<{ entry: BlockedSender; created: boolean }> {
  if (principal.kind !== 'user' || !principal.roles.includes('admin')) throw new ForbiddenError('Only admins block senders');
  const target = body.sender !== undefined ? { kind: 'sender' as const, value: body.sender } : { kind: 'domain' as const, value: body.domain! };
  return deps.blocklist.block({ ...target, blockedAt: deps.now().toISOString(), blockedBy: principal.email ?? principal.sub, ...(body.note ? { note: body.note } : {}) });
}
