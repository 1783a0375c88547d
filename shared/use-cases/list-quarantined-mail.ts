import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors.ts';
import type { MailQuarantine, QuarantinedMail } from '../ports/mail-quarantine.ts';

/** Mail kept aside on a day, with why: for admins, who may redrive or delete it. */
export async function listQuarantinedMail(quarantine: MailQuarantine, principal: Principal, day: string): Promise<QuarantinedMail[]> {
  if (principal.kind !== 'user' || !principal.roles.includes('admin')) throw new ForbiddenError('Only admins see quarantined mail');
  return quarantine.listDay(day);
}
