import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors.ts';
import type { BlockedSender, MailBlocklist } from '../ports/mail-blocklist.ts';

/** The senders and domains whose mail is held, domains first, each group in alphabetical order. */
export async function listBlockedMailSenders(blocklist: MailBlocklist, principal: Principal): Promise<BlockedSender[]> {
  if (principal.kind !== 'user' || !principal.roles.includes('admin')) throw new ForbiddenError('Only admins see blocked senders');
  return (await blocklist.list()).sort((a, b) => (a.kind === b.kind ? a.value.localeCompare(b.value) : a.kind === 'domain' ? -1 : 1));
}
