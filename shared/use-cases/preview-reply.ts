import { actorOf, requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import { isMailedReply, publicReplyMail } from '../domain/notifications.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import type { LeftOutRecipient } from '../email/mail-recipients.ts';
import { deskMailbox } from '../email/desk-addresses.ts';
import { outgoingEnvelope } from '../email/outgoing-mail.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import type { ReplyPreviewBody } from '../http/api-schemas.ts';
import type { UndeliverableAddresses } from '../ports/undeliverable-addresses.ts';
import { sanitizeCommentHtml } from '../text/sanitize-comment-html.ts';
import { commentRole, copiedBy, ticketAfterComment } from './add-comment.ts';
import type { TicketDeps } from './ticket-deps.ts';

export interface PreviewReplyDeps extends Pick<TicketDeps, 'config' | 'now'> {
  store: Pick<TicketDeps['store'], 'getTicket'>;
  /** The marks that keep bounced addresses out of mail, read as the sender reads them. */
  undeliverable: Pick<UndeliverableAddresses, 'find'>;
}

/** The mail a public reply would send, as the requester and the people copied would get it. */
export interface ReplyPreview {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html?: string;
  suppressed: LeftOutRecipient[];
}

/** Stands for the comment id, which the mail never shows. */
const PREVIEW_ID = 'preview';

/**
 * The mail a public reply would send now, written nowhere: the ticket as the reply would leave it
 * (status, watchers with the people copied), rendered and addressed by the code the notification
 * uses (publicReplyMail, then outgoingEnvelope with the undeliverable marks in force), and the
 * addresses left out and why. For the staff of the ticket's desk and write clients; the same
 * checks as the reply itself answer everyone else (404 for a ticket they may not see).
 */
export async function previewReply(deps: PreviewReplyDeps, principal: Principal, key: string, body: ReplyPreviewBody): Promise<ReplyPreview> {
  requireScope(principal, SCOPES.ticketsWrite);
  const { ticket, access } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
  if (access !== 'staff') throw new ForbiddenError("Only the staff of the ticket's desk preview a reply");
  if (ticket.status === 'closed') throw new ConflictError(`Ticket ${key} is closed and takes no more comments; open a follow-up ticket`);
  const desk = deskMailbox(deps.config, ticket.desk);
  if (!desk) throw new ConflictError('The desk has no mailbox (`email` in the configuration): replies are not mailed');
  const copied = copiedBy(deps, access, ticket, body.cc);

  const now = deps.now();
  const actor = actorOf(principal);
  const html = body.html === undefined ? undefined : sanitizeCommentHtml(body.html);
  const reply: Comment = {
    id: PREVIEW_ID,
    ticketKey: key,
    author: { email: actor.id, ...(actor.name ? { name: actor.name } : {}), role: commentRole(principal, access) },
    public: true,
    body: body.body ?? '',
    ...(html ? { html } : {}),
    attachments: [],
    createdAt: now.toISOString(),
  };
  const after: Ticket = { ...ticketAfterComment(ticket, reply.author.role, true, reply.createdAt).ticket, watchers: copied.watchers };
  const { mail, leftOut } = publicReplyMail(after, reply, deps.config);
  const envelope = outgoingEnvelope(desk, mail, await deps.undeliverable.find([...mail.to, ...mail.cc], now));
  const preview = { from: mailbox(envelope.from), subject: envelope.subject, text: mail.text, html: mail.html };
  if (!isMailedReply(reply)) {
    // A machine client's reply is shown on the ticket and mailed to nobody.
    const everyone = [...envelope.to, ...envelope.cc].map((address) => ({ address, reason: 'not_mailed' as const, detail: "a machine client's replies are not mailed; only staff replies are" }));
    return { ...preview, to: [], cc: [], suppressed: [...leftOut, ...envelope.leftOut, ...everyone] };
  }
  return { ...preview, to: envelope.to, cc: envelope.cc, suppressed: [...leftOut, ...envelope.leftOut] };
}

/** A mailbox as a mail's header names it. */
function mailbox(from: { address: string; name?: string }): string {
  if (!from.name) return from.address;
  // Names with the header's special characters are quoted, as the composer writes them.
  const name = /^[\w !#$%&'*+\-/=?^`{|}~]*$/.test(from.name) ? from.name : `"${from.name.replace(/(["\\])/g, '\\$1')}"`;
  return `${name} <${from.address}>`;
}
