import { staffDesks } from '../auth/access-policy.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../config/email-schema.ts';
import { admitAttachments } from '../email/attachment-admission.ts';
import { classifyAutomatic } from '../email/automatic-mail.ts';
import { describeDeliveryOutcomes, readDeliveryReport } from '../email/delivery-report.ts';
import { InvalidMailError } from '../email/invalid-mail-error.ts';
import { parseInboundMail, type InboundMail } from '../email/inbound-mail.ts';
import { cutText, KEPT_MAIL_LIMITS, keptHtml, keptMailText, keptName } from '../email/kept-mail-text.ts';
import { threadCandidateIds } from '../email/message-id.ts';
import { ticketKeyFromAddress } from '../email/plus-address.ts';
import { readSesVerdicts, shouldQuarantine } from '../email/ses-verdicts.ts';
import { ticketKeyFromSubject } from '../email/ticket-token.ts';
import { visibleReply } from '../email/visible-reply.ts';
import type { HistoryEvent } from '../domain/history.ts';
import { routeRequest } from '../domain/routing.ts';
import type { Actor, Attachment, Comment, Ticket } from '../domain/ticket.ts';
import { attachmentObjectKey, type AttachmentStore } from '../ports/attachment-store.ts';
import type { MailQuarantine } from '../ports/mail-quarantine.ts';
import { AlreadyRecordedError } from '../ports/ticket-store.ts';
import type { UndeliverableAddresses } from '../ports/undeliverable-addresses.ts';
import { sanitizeCommentHtml } from '../text/sanitize-comment-html.ts';
import { ticketAfterComment } from './add-comment.ts';
import type { AssignmentDeps } from './choose-assignee.ts';
import { requesterFromDirectory } from './requester-from-directory.ts';
import { storeNewTicket } from './store-new-ticket.ts';
import { liftUndeliverable, markBouncedRecipients } from './undeliverable-mail.ts';
import { withVersionRetry } from './version-retry.ts';

/** Message-IDs are remembered for threading and to apply each mail once: a year is beyond any reply. */
const MESSAGE_ID_DAYS = 365;

export interface IngestDeps extends AssignmentDeps {
  quarantine: MailQuarantine;
  /** Keeps the files mails bring. */
  attachments: AttachmentStore;
  /** Verifies the signature of plus-addressed replies. */
  replyAddressSecret: Uint8Array;
  /** Addresses a hard bounce keeps out of notifications. */
  undeliverable: UndeliverableAddresses;
}

export type IngestOutcome =
  | { outcome: 'created' | 'commented' | 'duplicate'; ticketKey: string }
  | { outcome: 'quarantined' | 'ignored'; reason: string };

/**
 * Turns one inbound mail into a ticket or a comment. Refused mail (unparseable, spam, virus) is
 * quarantined with its reason; automatic mail (auto-replies, bounces, lists) never opens a ticket and
 * on a known thread becomes an internal note. A reply threads by In-Reply-To/References, then the
 * subject token, then a signed plus-address, and only if its sender may write on that ticket; a
 * sender whose DMARC failed never appends. Each Message-ID is applied once.
 */
export async function ingestEmail(deps: IngestDeps, raw: Buffer, location: string): Promise<IngestOutcome> {
  const at = deps.now().toISOString();
  let mail: InboundMail;
  try {
    mail = await parseInboundMail(raw);
  } catch (error) {
    if (!(error instanceof InvalidMailError)) throw error;
    return quarantine(deps, { at, location, reason: error.reason });
  }
  const verdicts = readSesVerdicts(mail.headers);
  const refused = shouldQuarantine(verdicts);
  if (refused) return quarantine(deps, { at, location, reason: refused, ...(mail.messageId ? { messageId: mail.messageId } : {}), from: mail.from.address });

  // A mail without a Message-ID is still applied once: by where its bytes are stored.
  const messageKey = mail.messageId ?? `location:${location}`;
  const seen = await deps.store.findClaim('mail', messageKey);
  if (seen) return { outcome: 'duplicate', ticketKey: seen.ticketKey };

  const automatic = classifyAutomatic(mail);
  // A bounce of our own notification threads by the Message-ID of the message it returns.
  const bounce = automatic.kind === 'bounce' ? await readDeliveryReport(mail) : undefined;
  const authenticated = verdicts.dmarc !== 'fail';
  const thread = await findThread(deps, mail, bounce?.originalMessageId);
  // Marked before the note is written: a redelivery after a crash finds the note's claim and stops early.
  if (bounce && thread) await markBouncedRecipients(deps, thread, bounce);
  if (!automatic.automatic && authenticated) await liftUndeliverable(deps, mail.from.address);
  const claim = { caller: 'mail', key: messageKey, expiresAt: Math.floor(deps.now().getTime() / 1000) + MESSAGE_ID_DAYS * 86_400 };

  if (thread && thread.status !== 'closed') {
    const writer = authenticated ? senderRole(deps, thread, mail) : undefined;
    if (writer || automatic.automatic) {
      try {
        const files = await storeAttachments(deps, mail, messageKey);
        const note = automatic.automatic ? { reason: automatic.reason, ...(bounce?.outcomes.length ? { bounced: describeDeliveryOutcomes(bounce.outcomes) } : {}) } : undefined;
        await appendMail(deps, thread.key, mail, { files, rawMail: location }, writer ?? 'system', note, claim);
        return { outcome: 'commented', ticketKey: thread.key };
      } catch (error) {
        if (error instanceof AlreadyRecordedError) return { outcome: 'duplicate', ticketKey: thread.key };
        throw error;
      }
    }
  }
  if (automatic.automatic) return { outcome: 'ignored', reason: automatic.reason };
  return openTicket(deps, mail, { files: await storeAttachments(deps, mail, messageKey), rawMail: location }, claim);
}

/** What is kept of a mail besides its text: its files and where its raw bytes are. */
interface KeptMail {
  files: Attachment[];
  rawMail: string;
}

/**
 * Stores a mail's files within the configured limits and lists every one of them, stored or not:
 * a file over a limit is listed with the reason, never dropped without a trace. Keys come from the
 * mail's id, so a redelivery rewrites the same objects.
 */
async function storeAttachments(deps: IngestDeps, mail: InboundMail, messageKey: string): Promise<Attachment[]> {
  const verdicts = admitAttachments(
    mail.attachments.map((attachment) => attachment.size),
    deps.config.email?.attachments ?? DEFAULT_ATTACHMENT_LIMITS,
  );
  return Promise.all(
    mail.attachments.map(async (attachment, index): Promise<Attachment> => {
      const listed = { name: attachment.filename ?? 'attachment', contentType: attachment.contentType, size: attachment.size, ...(attachment.inline ? { inline: true } : {}) };
      const refused = verdicts[index];
      if (refused) return { ...listed, refused };
      const location = attachmentObjectKey(messageKey, index, attachment.filename);
      await deps.attachments.put(location, attachment.content, attachment.contentType);
      return { ...listed, location };
    }),
  );
}

async function quarantine(deps: IngestDeps, entry: Parameters<MailQuarantine['record']>[0]): Promise<IngestOutcome> {
  await deps.quarantine.record(entry);
  return { outcome: 'quarantined', reason: entry.reason };
}

/** The ticket a mail answers: by the ids it refers to, the subject token, or a signed reply address. */
async function findThread(deps: IngestDeps, mail: InboundMail, returnedMessageId: string | undefined): Promise<Ticket | undefined> {
  for (const id of [...threadCandidateIds(mail), ...(returnedMessageId ? [returnedMessageId] : [])]) {
    const claimed = await deps.store.findClaim('mail', id);
    if (claimed) return deps.store.getTicket(claimed.ticketKey);
  }
  const fromSubject = ticketKeyFromSubject(mail.subject, deps.config.ticketKeyPrefix);
  if (fromSubject) return deps.store.getTicket(fromSubject);
  const desk = deps.config.email?.address;
  if (desk) {
    for (const recipient of [...mail.to, ...mail.cc]) {
      const key = ticketKeyFromAddress(recipient.address, desk, deps.replyAddressSecret);
      if (key) return deps.store.getTicket(key);
    }
  }
  return undefined;
}

/** Who may write on a ticket by mail: its requester, people copied on its thread, or staff of its desk. */
function senderRole(deps: IngestDeps, ticket: Ticket, mail: InboundMail): 'agent' | 'requester' | undefined {
  const sender = mail.from.address;
  const staff = deps.config.users.find((user) => user.email === sender);
  if (staff && staffDesks({ kind: 'user', sub: sender, email: sender, roles: [staff.role] }, deps.config).includes(ticket.desk)) return 'agent';
  if (sender === ticket.requester.email || (ticket.watchers ?? []).includes(sender)) return 'requester';
  return undefined;
}

async function appendMail(
  deps: IngestDeps,
  key: string,
  mail: InboundMail,
  kept: KeptMail,
  role: 'agent' | 'requester' | 'system',
  /** Set for automatic mail, which becomes an internal note; `bounced` says which deliveries failed. */
  automatic: { reason: string; bounced?: string } | undefined,
  claim: { caller: string; key: string; expiresAt: number },
): Promise<void> {
  await withVersionRetry(async () => {
    const ticket = (await deps.store.getTicket(key))!;
    const now = deps.now().toISOString();
    const isPublic = automatic === undefined;
    const body = (isPublic ? visibleReply(mail.text) : mail.text) || mail.text || '(no text)';
    const html = keptHtml(mail.html === undefined ? undefined : sanitizeCommentHtml(mail.html));
    const comment: Comment = {
      id: deps.newId(),
      ticketKey: key,
      author: { email: mail.from.address, ...(mail.from.name ? { name: keptName(mail.from.name) } : {}), role },
      public: isPublic,
      body: keptMailText(automatic?.bounced ? `Mail bounced:\n${automatic.bounced}\n\n${body}` : automatic ? `Automatic mail (${automatic.reason}): ${body}` : body),
      ...(html ? { html } : {}),
      attachments: kept.files,
      rawMail: kept.rawMail,
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      createdAt: now,
    };
    const after = ticketAfterComment(ticket, role, isPublic, now);
    const effects = after.changes;
    const next: Ticket = { ...after.ticket, watchers: mergeWatchers(ticket, mail) };
    const actor: Actor = { kind: role === 'system' ? 'system' : 'user', id: mail.from.address };
    const detail = automatic?.bounced ? `bounce by email: ${automatic.bounced.replace(/\n/g, '; ')}` : 'by email';
    const event: HistoryEvent = { id: deps.newId(), ticketKey: key, at: now, actor, action: 'commented', changes: effects, commentId: comment.id, detail };
    await deps.store.saveTicket(ticket, next, event, comment, undefined, claim);
  });
}

/** Everyone copied on a requester's mail may answer on the thread (a reply-all must not open a new ticket). */
function mergeWatchers(ticket: Ticket, mail: InboundMail): string[] {
  const known = ticket.watchers ?? [];
  const own = new Set([ticket.requester.email, ...(ticket.assignee ? [ticket.assignee] : [])]);
  const copied = mail.cc.map((address) => address.address).filter((address) => !own.has(address));
  return [...new Set([...known, ...copied])];
}

async function openTicket(deps: IngestDeps, mail: InboundMail, kept: KeptMail, claim: { caller: string; key: string; expiresAt: number }): Promise<IngestOutcome> {
  const requester = requesterFromDirectory(deps.config, { email: (mail.replyTo[0] ?? mail.from).address, ...(mail.from.name ? { name: keptName(mail.from.name) } : {}) });
  const subject = cutText(mail.subject.trim() || '(no subject)', KEPT_MAIL_LIMITS.subject);
  const route = routeRequest({ config: deps.config, requester, channel: 'email', subject });
  const number = await deps.store.nextNumber(deps.config.ticketKeyPrefix);
  const now = deps.now().toISOString();
  const draft: Ticket = {
    key: `${deps.config.ticketKeyPrefix}-${number}`,
    type: 'incident',
    subject,
    description: keptMailText(mail.text),
    requester,
    status: 'new',
    priority: route.priority,
    category: [],
    desk: route.desk,
    level: route.level,
    tags: route.tags,
    customFields: {},
    channel: 'email',
    ...(mail.messageId ? { sourceMessageId: mail.messageId } : {}),
    watchers: mail.cc.map((address) => address.address).filter((address) => address !== requester.email),
    rawMail: kept.rawMail,
    ...(kept.files.length ? { attachments: kept.files } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const actor: Actor = { kind: 'user', id: requester.email, ...(requester.name ? { name: requester.name } : {}) };
  const outcome = await storeNewTicket(deps, draft, { route, actor, claim, createdFields: ['status'], createdDetail: 'by email' });
  return outcome.created ? { outcome: 'created', ticketKey: draft.key } : { outcome: 'duplicate', ticketKey: outcome.ticketKey };
}
