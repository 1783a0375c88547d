import { requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Attachment } from '../domain/ticket.ts';
import { NotFoundError } from '../errors.ts';
import type { AttachmentLinks } from '../ports/attachment-links.ts';
import type { TicketReadDeps } from './ticket-deps.ts';

/** How long a download link works: long enough to click, short enough not to be worth sharing. */
export const ATTACHMENT_LINK_SECONDS = 300;

/**
 * A short-lived download link for one stored file of a ticket: from the mail that opened it or
 * from a comment the caller may read (requesters: public ones only). Anything else, including a
 * file that was refused and never stored, is 404, so locations cannot be probed.
 */
export async function getAttachmentLink(
  deps: TicketReadDeps & { links: AttachmentLinks },
  principal: Principal,
  key: string,
  location: string,
): Promise<{ url: string; name: string; expiresInSeconds: number }> {
  requireScope(principal, SCOPES.ticketsRead);
  const activity = await deps.store.getTicketActivity(key);
  const { ticket, access } = requireTicketAccess(principal, activity?.ticket, deps.config, key);
  const visible: Attachment[] = [...(ticket.attachments ?? []), ...(activity?.comments ?? []).filter((comment) => access === 'staff' || comment.public).flatMap((comment) => comment.attachments)];
  const file = visible.find((attachment) => attachment.location === location);
  if (!file) throw new NotFoundError(`Ticket ${key} has no stored attachment ${location}`);
  return { url: await deps.links.downloadUrl(location, file.name, ATTACHMENT_LINK_SECONDS), name: file.name, expiresInSeconds: ATTACHMENT_LINK_SECONDS };
}
