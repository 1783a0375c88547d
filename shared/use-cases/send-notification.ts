import { randomUUID } from 'node:crypto';
import * as z from '../schema/zod-mini.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { NOTIFICATION_KINDS } from '../config/notification-kinds.ts';
import { signApprovalLink } from '../auth/approval-link-token.ts';
import { APPROVAL_LINK_PLACEHOLDER } from '../email/notification-templates.ts';
import { composeOutboundMail } from '../email/outbound-message.ts';
import { deskMailbox } from '../email/desk-addresses.ts';
import { outgoingEnvelope } from '../email/outgoing-mail.ts';
import { replyAddress } from '../email/plus-address.ts';
import type { AutoReplyLimiter } from '../ports/auto-reply-limiter.ts';
import type { MailSender } from '../ports/mail-sender.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import type { UndeliverableAddresses } from '../ports/undeliverable-addresses.ts';

/** Sent notifications and outbound Message-IDs are remembered a year: beyond any reply to them. */
const REMEMBER_SECONDS = 365 * 86_400;

export interface SendNotificationDeps {
  config: ServiceDeskConfig;
  store: Pick<TicketStore, 'getTicket' | 'findClaim' | 'claim'>;
  sender: MailSender;
  limiter: AutoReplyLimiter;
  /** Addresses a hard bounce keeps out of notifications. */
  undeliverable: Pick<UndeliverableAddresses, 'find'>;
  replyAddressSecret: Uint8Array;
  now: () => Date;
  /** Signs approvers' links: the approval link key and the API's public URL. */
  approvalLinks?: { key: Uint8Array; apiUrl: string };
}

export const notificationSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  // Absent from mail about no ticket (an invitation).
  ticketKey: z.optional(z.string().check(z.minLength(1))),
  kind: z.enum(NOTIFICATION_KINDS),
  to: z.array(z.email()).check(z.minLength(1)),
  cc: z.array(z.email()),
  subject: z.string(),
  text: z.string(),
  // Optional: notifications queued before HTML parts existed still go out, as text only.
  html: z.optional(z.string()),
  toRequester: z.boolean(),
  approvalLink: z.optional(z.object({ step: z.number().check(z.int(), z.minimum(0)), approver: z.email() })),
});

/** A notification as it comes off the queue. */
export type QueuedNotification = z.output<typeof notificationSchema>;

/**
 * Sends one notification, once: a notification already sent is skipped. The mail carries the ticket
 * token in its subject, answers the mail that opened the ticket, and (to requesters) a signed reply
 * address; the Message-ID it goes out with is recorded in the thread index, so replies thread.
 * Acknowledgements are capped per recipient and hour. A crash between sending and recording sends
 * it again on retry: at least once, never lost.
 */
export async function sendNotification(deps: SendNotificationDeps, notification: QueuedNotification): Promise<'sent' | 'already_sent' | 'no_mailbox' | 'rate_limited' | 'undeliverable'> {
  const desk = deps.config.email;
  if (!desk) return 'no_mailbox';
  if (await deps.store.findClaim('notification', notification.id)) return 'already_sent';
  const { ticketKey } = notification;
  const ticket = ticketKey ? await deps.store.getTicket(ticketKey) : undefined;
  // The ticket's desk as it is now decides the sender: a moved ticket's mail comes from its new desk.
  const mailbox = deskMailbox(deps.config, ticket?.desk)!;
  const marks = await deps.undeliverable.find([...notification.to, ...notification.cc], deps.now());
  const { from, to, cc, subject } = outgoingEnvelope(mailbox, notification, marks);
  if (to.length === 0) return 'undeliverable';
  // An acknowledgement answers mail automatically: past the hourly allowance the ticket still opens, unanswered.
  if (notification.kind === 'acknowledgement' && !(await deps.limiter.allow(to[0]!, deps.now(), desk.maxAutomaticRepliesPerHour))) {
    return 'rate_limited';
  }
  const { text, html } = await withApprovalLink(deps, notification);
  const thread = ticket?.sourceMessageId ? [ticket.sourceMessageId] : [];
  const raw = await composeOutboundMail({
    from,
    to,
    ...(cc.length ? { cc } : {}),
    ...(notification.toRequester && ticketKey ? { replyTo: replyAddress(mailbox.address, ticketKey, deps.replyAddressSecret) } : {}),
    subject,
    text,
    ...(html ? { html } : {}),
    ...(thread.length ? { inReplyTo: thread[0]!, references: thread } : {}),
    messageId: `<${randomUUID()}@${mailbox.address.slice(mailbox.address.indexOf('@') + 1)}>`,
  });
  const sent = await deps.sender.send(raw, { from: mailbox.address, to: [...to, ...cc] });
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + REMEMBER_SECONDS;
  // Only mail about a ticket joins the thread index; a reply to other mail opens a ticket of its own.
  if (ticketKey) await deps.store.claim({ caller: 'mail', key: sent.messageId, expiresAt }, ticketKey);
  await deps.store.claim({ caller: 'notification', key: notification.id, expiresAt }, ticketKey ?? notification.id);
  return 'sent';
}

/** An approval request gets its approver's signed link, made now by the function that holds the key. */
async function withApprovalLink(deps: SendNotificationDeps, notification: QueuedNotification): Promise<{ text: string; html?: string }> {
  const { approvalLink } = notification;
  if (!approvalLink) return { text: notification.text, ...(notification.html ? { html: notification.html } : {}) };
  if (!notification.ticketKey) throw new Error(`Approval request ${notification.id} names no ticket`);
  if (!deps.approvalLinks) throw new Error(`Approval request ${notification.id} needs the approval link key and the API's URL (PUBLIC_API_URL)`);
  const token = await signApprovalLink(deps.approvalLinks.key, { ticketKey: notification.ticketKey, ...approvalLink }, deps.now());
  const link = `${deps.approvalLinks.apiUrl.replace(/\/+$/, '')}/approvals/decide?token=${token}`;
  return {
    text: notification.text.replaceAll(APPROVAL_LINK_PLACEHOLDER, link),
    ...(notification.html ? { html: notification.html.replaceAll(APPROVAL_LINK_PLACEHOLDER, link) } : {}),
  };
}
