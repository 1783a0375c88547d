import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors.ts';
import type { MailBlocklist } from '../ports/mail-blocklist.ts';

/**
 * Lifts the block of a sender (`entry` is an address) or a domain; the next mail goes through.
 * Mail held while it was blocked stays in the quarantine. Lifting a block that is not there is no error.
 */
export async function unblockMailSender(deps: { blocklist: MailBlocklist; now: () => Date }, principal: Principal, entry: string): Promise<void> {
  if (principal.kind !== 'user' || !principal.roles.includes('admin')) throw new ForbiddenError('Only admins unblock senders');
  await deps.blocklist.unblock({ kind: entry.includes('@') ? 'sender' : 'domain', value: entry }, deps.now());
}
