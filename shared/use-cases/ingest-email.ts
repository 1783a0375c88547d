import { staffDesks } from '../auth/access-policy.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../config/attachment-limits.ts';
import { admitAttachments, ATTACHMENT_LISTING, listedAttachments } from '../email/attachment-admission.ts';
import { classifyAutomatic } from '../email/automatic-mail.ts';
import { domainOf } from '../email/address-domain.ts';
import { addressedDesk, isDeskAddress, ticketKeyFromReplyAddresses } from '../email/desk-addresses.ts';
import { describeDeliveryOutcomes, readDeliveryReport } from '../email/delivery-report.ts';
import { InvalidMailError } from '../email/invalid-mail-error.ts';
import { MISSING_SENDER_REASON, parseInboundMail, type InboundMail, type MailAddress } from '../email/inbound-mail.ts';
import { mailLanguage } from '../email/mail-language.ts';
import { cutText, fitMailItem, KEPT_MAIL_LIMITS, keptHtml, keptMailText, keptName } from '../email/kept-mail-text.ts';
import { mailFingerprint } from '../email/mail-fingerprint.ts';
import { unmailableReason } from '../email/mailable-address.ts';
import { threadCandidateIds } from '../email/message-id.ts';
import { BLOCKED_REASON } from '../email/blocked-sender.ts';
import { readSesVerdicts, senderAuthenticated, shouldQuarantine, type SesVerdicts } from '../email/ses-verdicts.ts';
import { ticketKeyFromSubject } from '../email/ticket-token.ts';
import { visibleReply } from '../email/visible-reply.ts';
import type { HistoryEvent } from '../domain/history.ts';
import { routeRequest } from '../domain/routing.ts';
import type { Actor, Attachment, Comment, Requester, Ticket, UnlistedAttachments } from '../domain/ticket.ts';
import { MAX_WATCHERS } from '../domain/watchers.ts';
import { attachmentObjectKey, type AttachmentStore } from '../ports/attachment-store.ts';
import type { MailBlocklist } from '../ports/mail-blocklist.ts';
import type { MailQuarantine } from '../ports/mail-quarantine.ts';
import type { NewTicketLimiter } from '../ports/new-ticket-limiter.ts';
import { AlreadyRecordedError, ItemTooLargeError, type IdempotencyClaim } from '../ports/ticket-store.ts';
import type { UndeliverableAddresses } from '../ports/undeliverable-addresses.ts';
import { sanitizeCommentHtml } from '../text/sanitize-comment-html.ts';
import { ticketAfterComment } from './add-comment.ts';
import type { AssignmentDeps } from './choose-assignee.ts';
import { blockedSenderHold, DEFAULT_NEW_TICKETS_PER_HOUR, FLOOD_REASON, floodHold } from './held-mail.ts';
import { requesterFromDirectory } from './requester-from-directory.ts';
import { storeNewTicket } from './store-new-ticket.ts';
import { isNewParticipantReply, NEW_PARTICIPANT_DETAIL } from './new-participant.ts';
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
  /** Senders and domains whose mail is held. */
  blocklist: MailBlocklist;
  /** The per-sender limit on new tickets an hour. */
  newTickets: NewTicketLimiter;
}

export type IngestOutcome = { outcome: 'created' | 'commented' | 'duplicate'; ticketKey: string } | { outcome: 'quarantined' | 'ignored'; reason: string };

/** Why a mail is quarantined when even its cut-down item would not fit. */
const DOES_NOT_FIT = 'Size: the mail does not fit one ticket item even cut down';

/** Who a mail on a known ticket is from, as far as the desk can tell. */
type WriterRole = 'agent' | 'requester' | 'watcher' | 'unverified' | 'participant';

/**
 * Turns one inbound mail into a ticket or a comment. Refused mail (unparseable, spam, virus, no
 * sender) is quarantined with its reason, and so is held mail: a blocked sender's (checked before
 * threading, so its replies are held too) and a new ticket over the sender's hourly limit;
 * automatic mail (auto-replies, bounces, lists) never
 * opens a ticket and on a known thread becomes an internal note; ignored mail (automatic mail on
 * no ticket, a duplicate) is listed beside the quarantine. A reply threads by
 * In-Reply-To/References, then the subject token, then a signed plus-address, and only if its
 * sender may write on that ticket; a sender whose DMARC failed never appends, and mail claiming to
 * be from staff counts as staff only when SES authenticated its sender. Each mail is applied once:
 * a redelivery (same content) is a duplicate, a different mail reusing a Message-ID is applied
 * under an id derived from its content.
 */
export async function ingestEmail(deps: IngestDeps, raw: Buffer, location: string): Promise<IngestOutcome> {
  try {
    return await applyMail(deps, raw, location);
  } catch (error) {
    // Items are built to fit; should one still not, retrying cannot help: the mail is kept with the reason, not dead-lettered.
    if (!(error instanceof ItemTooLargeError)) throw error;
    return quarantine(deps, { at: deps.now().toISOString(), location, reason: `Size: ${error.message}` });
  }
}

async function applyMail(deps: IngestDeps, raw: Buffer, location: string): Promise<IngestOutcome> {
  const at = deps.now().toISOString();
  let mail: InboundMail;
  try {
    mail = await parseInboundMail(raw);
  } catch (error) {
    if (!(error instanceof InvalidMailError)) throw error;
    return quarantine(deps, { at, location, reason: error.reason });
  }
  const identity = { ...(mail.messageId ? { messageId: mail.messageId } : {}), ...(mail.from ? { from: mail.from.address } : {}) };
  const verdicts = readSesVerdicts(mail.headers);
  const refused = shouldQuarantine(verdicts);
  if (refused) return quarantine(deps, { at, location, reason: refused, ...identity });
  // Before threading and before anything is written: a blocked sender's reply on a ticket is held too.
  const blocked = mail.from ? await blockedSenderHold(deps.blocklist, mail.from.address) : undefined;
  if (blocked) return quarantine(deps, { at, location, reason: BLOCKED_REASON, detail: blocked, ...identity });

  const automatic = classifyAutomatic(mail);
  // A bounce of our own notification threads by the Message-ID of the message it returns; it is
  // read before a missing sender is refused, since delivery systems often write an address-less From.
  const bounce = automatic.kind === 'bounce' ? await readDeliveryReport(mail) : undefined;
  if (!mail.from && !bounce) return quarantine(deps, { at, location, reason: MISSING_SENDER_REASON, ...identity });

  const applied = await applicationKey(deps, mail, raw, location);
  if ('duplicate' in applied) {
    if (applied.redelivered) return { outcome: 'duplicate', ticketKey: applied.duplicate };
    return ignore(deps, { at, location, reason: `duplicate: ${mail.messageId ?? 'this mail'} was already applied to ${applied.duplicate}`, ...identity }, applied.duplicate);
  }
  const { messageKey, claim } = applied;

  const thread = await findThread(deps, mail, bounce?.originalMessageId);
  // Marked before the note is written: a redelivery after a crash finds the note's claim and stops early.
  if (bounce && thread) await markBouncedRecipients(deps, thread, bounce);
  const from = mail.from;
  if (from && !automatic.automatic && verdicts.dmarc !== 'fail') await liftUndeliverable(deps, from.address);

  if (thread && thread.status !== 'closed') {
    const known = automatic.automatic || !from ? undefined : senderRole(deps, thread, from.address, verdicts);
    // Someone not on the ticket answering its own thread is kept there, unverified, for an agent to accept.
    const writer = known ?? (!automatic.automatic && from && (await isNewParticipantReply(deps, thread, mail, verdicts)) ? 'participant' : undefined);
    if (writer || automatic.automatic) {
      try {
        const kept = await storeAttachments(deps, mail, messageKey);
        const note: MailNote | undefined = automatic.automatic
          ? { kind: 'automatic', reason: automatic.reason, ...(bounce?.outcomes.length ? { bounced: describeDeliveryOutcomes(bounce.outcomes) } : {}) }
          : writer === 'unverified'
            ? { kind: 'unverified', reason: verdictWords(verdicts) }
            : writer === 'participant'
              ? { kind: 'participant' }
              : undefined;
        const written = await appendMail(deps, thread.key, mail, { ...kept, rawMail: location }, writer ?? 'system', note, claim);
        if (!written) return quarantine(deps, { at, location, reason: DOES_NOT_FIT, ...identity });
        return { outcome: 'commented', ticketKey: thread.key };
      } catch (error) {
        if (error instanceof AlreadyRecordedError) return { outcome: 'duplicate', ticketKey: thread.key };
        throw error;
      }
    }
  }
  if (automatic.automatic || !from) return ignore(deps, { at, location, reason: `automatic mail on no open ticket (${automatic.reason ?? 'bounce'})`, ...identity });
  // Only mail that would open a ticket counts: replies and automatic mail have been dealt with above.
  const flooded = await floodHold(deps, from.address, messageKey, deps.now(), deps.config.email?.maxNewTicketsPerSenderPerHour ?? DEFAULT_NEW_TICKETS_PER_HOUR);
  if (flooded) return quarantine(deps, { at, location, reason: FLOOD_REASON, detail: flooded, ...identity });
  return openTicket(deps, mail, from, verdicts, { ...(await storeAttachments(deps, mail, messageKey)), rawMail: location }, claim, { at, location, identity });
}

/**
 * The key a mail is applied under, with its claim, or the ticket it was already applied to. The
 * claim keeps the mail's fingerprint: the same Message-ID with the same content is a redelivery
 * (`redelivered` when it is even the same stored object); with other content it is a different
 * mail from a mailer that reuses ids, applied under `<id>#<fingerprint>` so nothing it says is
 * lost, while replies still thread by the id the first mail claimed.
 */
async function applicationKey(deps: IngestDeps, mail: InboundMail, raw: Buffer, location: string): Promise<{ messageKey: string; claim: IdempotencyClaim } | { duplicate: string; redelivered: boolean }> {
  const fingerprint = mailFingerprint(raw);
  // A mail without a Message-ID is still applied once: by where its bytes are stored.
  const primary = mail.messageId ?? `location:${location}`;
  let messageKey = primary;
  const seen = await deps.store.findClaim('mail', primary);
  if (seen) {
    // Outbound ids and older claims have no fingerprint: a mail that names one is taken as a copy of it.
    if (seen.fingerprint === undefined || seen.fingerprint === fingerprint || !mail.messageId) return { duplicate: seen.ticketKey, redelivered: seen.source === location };
    messageKey = `${primary}#${fingerprint.slice(0, 32)}`;
    const again = await deps.store.findClaim('mail', messageKey);
    if (again) return { duplicate: again.ticketKey, redelivered: again.source === location };
  }
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + MESSAGE_ID_DAYS * 86_400;
  return { messageKey, claim: { caller: 'mail', key: messageKey, expiresAt, fingerprint, source: location } };
}

/** What is kept of a mail besides its text: its files and where its raw bytes are. */
interface KeptMail {
  files: Attachment[];
  unlisted?: UnlistedAttachments;
  rawMail: string;
}

/**
 * Stores a mail's files within the configured limits and lists them, stored or not: a file over a
 * limit is listed with the reason, never dropped without a trace. Names are cut and the listing is
 * capped (see ATTACHMENT_LISTING); files beyond it are counted. Keys come from the mail's id, so a
 * redelivery rewrites the same objects.
 */
async function storeAttachments(deps: IngestDeps, mail: InboundMail, messageKey: string): Promise<Omit<KeptMail, 'rawMail'>> {
  const verdicts = admitAttachments(
    mail.attachments.map((attachment) => attachment.size),
    deps.config.email?.attachments ?? DEFAULT_ATTACHMENT_LIMITS,
  );
  const listed = listedAttachments(verdicts);
  const unlisted = mail.attachments.filter((_attachment, index) => !listed[index]);
  const files = await Promise.all(
    mail.attachments.flatMap((attachment, index): Promise<Attachment>[] => {
      if (!listed[index]) return [];
      const entry = {
        name: cutText(attachment.filename ?? 'attachment', ATTACHMENT_LISTING.nameChars),
        contentType: cutText(attachment.contentType, ATTACHMENT_LISTING.contentTypeChars),
        size: attachment.size,
        ...(attachment.inline ? { inline: true } : {}),
      };
      const refused = verdicts[index];
      if (refused) return [Promise.resolve({ ...entry, refused })];
      const location = attachmentObjectKey(messageKey, index, attachment.filename);
      return [deps.attachments.put(location, attachment.content, attachment.contentType).then(() => ({ ...entry, location }))];
    }),
  );
  return {
    files,
    ...(unlisted.length ? { unlisted: { count: unlisted.length, bytes: unlisted.reduce((sum, attachment) => sum + attachment.size, 0) } } : {}),
  };
}

async function quarantine(deps: IngestDeps, entry: Parameters<MailQuarantine['record']>[0]): Promise<IngestOutcome> {
  await deps.quarantine.record(entry);
  return { outcome: 'quarantined', reason: entry.reason };
}

/** An ignored mail leaves a record beside the quarantine, so an admin finds it; a duplicate answers with its ticket. */
async function ignore(deps: IngestDeps, entry: Parameters<MailQuarantine['record']>[0], duplicateOf?: string): Promise<IngestOutcome> {
  await deps.quarantine.record({ ...entry, outcome: 'ignored' });
  return duplicateOf ? { outcome: 'duplicate', ticketKey: duplicateOf } : { outcome: 'ignored', reason: entry.reason };
}

/** The ticket a mail answers: by the ids it refers to, the subject token, or a signed reply address. */
async function findThread(deps: IngestDeps, mail: InboundMail, returnedMessageId: string | undefined): Promise<Ticket | undefined> {
  for (const id of [...threadCandidateIds(mail), ...(returnedMessageId ? [returnedMessageId] : [])]) {
    const claimed = await deps.store.findClaim('mail', id);
    if (claimed) return deps.store.getTicket(claimed.ticketKey);
  }
  const fromSubject = ticketKeyFromSubject(mail.subject, deps.config.ticketKeyPrefix);
  if (fromSubject) return deps.store.getTicket(fromSubject);
  // Signed addresses of every desk count, so a reply to a ticket that moved desks still threads.
  const fromAddress = ticketKeyFromReplyAddresses(deps.config, [...mail.to, ...mail.cc], deps.replyAddressSecret);
  return fromAddress ? deps.store.getTicket(fromAddress) : undefined;
}

/**
 * Who may write on a ticket by mail: staff of its desk (only when SES authenticated the sender;
 * otherwise the mail is kept as unverified), its requester, or people the requester copied. A
 * sender whose DMARC failed is none of these.
 */
function senderRole(deps: IngestDeps, ticket: Ticket, sender: string, verdicts: SesVerdicts): WriterRole | undefined {
  const staff = deps.config.users.find((user) => user.email === sender);
  if (staff && staffDesks({ kind: 'user', sub: sender, email: sender, roles: [staff.role] }, deps.config).includes(ticket.desk)) {
    return senderAuthenticated(verdicts, sender) ? 'agent' : 'unverified';
  }
  if (verdicts.dmarc === 'fail') return undefined;
  if (sender === ticket.requester.email || sender === ticket.requester.replyTo) return 'requester';
  if ((ticket.watchers ?? []).includes(sender)) return 'watcher';
  return undefined;
}

/** How SES judged the sender, in words for the ticket. */
function verdictWords(verdicts: SesVerdicts): string {
  return verdicts.dmarc ? `DMARC ${verdicts.dmarc}${verdicts.dmarc === 'none' ? `, DKIM ${verdicts.dkim ?? 'none'} for the From domain` : ''}` : 'no SES verdict';
}

/**
 * Automatic mail becomes an internal note (`bounced` says which deliveries failed); unverified staff
 * mail, an unverified note; a new participant's reply, an unverified note an agent may make public.
 */
type MailNote = { kind: 'automatic'; reason: string; bounced?: string } | { kind: 'unverified'; reason: string } | { kind: 'participant' };

/** Appends the mail as a comment; false when it cannot be made to fit one item. */
async function appendMail(deps: IngestDeps, key: string, mail: InboundMail, kept: KeptMail, writer: WriterRole | 'system', note: MailNote | undefined, claim: IdempotencyClaim): Promise<boolean> {
  return withVersionRetry(async () => {
    const ticket = (await deps.store.getTicket(key))!;
    const now = deps.now().toISOString();
    const isPublic = note === undefined;
    // Watchers answer as the requester's side of the thread; an unverified mail is nobody's.
    const role = writer === 'watcher' ? 'requester' : writer === 'unverified' || writer === 'participant' ? 'system' : writer;
    // A new participant's reply may become public, so it is kept as a reply is: without the quoted history.
    const body = (isPublic || note?.kind === 'participant' ? visibleReply(mail.text) : mail.text) || mail.text || '(no text)';
    // An unverified mail is shown as text only, under its warning: its HTML would show without it.
    const html = note?.kind === 'unverified' ? undefined : keptHtml(mail.html === undefined ? undefined : sanitizeCommentHtml(mail.html));
    const author = mail.from ? { email: mail.from.address, ...(mail.from.name ? { name: keptName(mail.from.name) } : {}) } : { email: rawSender(mail) };
    const text =
      note?.kind === 'unverified'
        ? `Unverified mail claiming to be from ${author.email} (${note.reason}): ${body}`
        : note?.kind === 'automatic' && note.bounced
          ? `Mail bounced:\n${note.bounced}\n\n${body}`
          : note?.kind === 'automatic'
            ? `Automatic mail (${note.reason}): ${body}`
            : body;
    const draft: Comment = {
      id: deps.newId(),
      ticketKey: key,
      author: { ...author, role },
      public: isPublic,
      ...(note?.kind === 'unverified' ? { kind: 'unverified' as const, unverified: { reason: 'unauthenticated_staff' as const, sender: author.email } } : {}),
      ...(note?.kind === 'participant' ? { kind: 'unverified' as const, unverified: { reason: 'new_participant' as const, sender: author.email } } : {}),
      body: keptMailText(text),
      ...(html ? { html } : {}),
      attachments: kept.files,
      ...(kept.unlisted ? { unlistedAttachments: kept.unlisted } : {}),
      rawMail: kept.rawMail,
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      createdAt: now,
    };
    const comment = fitMailItem(draft, 'body');
    if (!comment) return false;
    const after = ticketAfterComment(ticket, role, isPublic, now);
    const effects = after.changes;
    // Only the requester's own mail copies people in: a watcher or an unverified sender cannot add more.
    const next: Ticket = writer === 'requester' ? { ...after.ticket, watchers: copiedPeople(deps, ticket.requester, mail, ticket.watchers ?? [], ticket.assignee) } : after.ticket;
    const actor: Actor = { kind: role === 'system' ? 'system' : 'user', id: author.email };
    const detail =
      note?.kind === 'unverified'
        ? `unverified mail by email: claims to be from staff, sender not authenticated (${note.reason})`
        : note?.kind === 'automatic' && note.bounced
          ? `bounce by email: ${note.bounced.replace(/\n/g, '; ')}`
          : note?.kind === 'participant'
            ? NEW_PARTICIPANT_DETAIL
            : writer === 'watcher'
              ? 'by email, from someone the requester copied'
              : 'by email';
    const event: HistoryEvent = { id: deps.newId(), ticketKey: key, at: now, actor, action: 'commented', changes: effects, commentId: comment.id, detail };
    await deps.store.saveTicket(ticket, next, event, comment, undefined, claim);
    return true;
  });
}

/** The From header as written, for a delivery report whose From holds no address (`MAILER-DAEMON`). */
function rawSender(mail: InboundMail): string {
  const written = mail.headers
    .find((header) => header.name === 'from')
    ?.value.replace(/[\r\n\t]+/g, ' ')
    .trim();
  return cutText(written || '<>', KEPT_MAIL_LIMITS.name);
}

/**
 * The Cc of a requester's mail as watchers, who may answer on the thread (a reply-all must not open
 * a new ticket): never the requester, the assignee or the desk itself, at most MAX_WATCHERS.
 */
function copiedPeople(deps: IngestDeps, requester: Requester, mail: InboundMail, known: readonly string[], assignee?: string): string[] {
  const own = new Set([requester.email, ...(requester.replyTo ? [requester.replyTo] : []), ...(assignee ? [assignee] : [])]);
  const copied = mail.cc.map((address) => address.address).filter((address) => !own.has(address) && !isDeskAddress(deps.config, address));
  return [...new Set([...known, ...copied])].slice(0, MAX_WATCHERS);
}

/**
 * Where replies to a new mail's requester may go instead of From: its Reply-To, only when that is
 * in the sender's own domain or the directory lists it for the sender, and only when it can be mailed.
 */
function acceptedReplyTo(deps: IngestDeps, from: string, replyTo: readonly MailAddress[]): { replyTo?: string; detail?: string } {
  const named = replyTo[0]?.address;
  if (!named || named === from) return {};
  const listed = deps.config.directory.find((entry) => entry.email === from)?.replyTo?.includes(named) ?? false;
  if (domainOf(named) !== domainOf(from) && !listed) return { detail: `Reply-To ${named} ignored: not in the sender's domain nor listed for the sender` };
  const unmailable = unmailableReason(named);
  if (unmailable) return { detail: `Reply-To ${named} ignored: ${unmailable}` };
  return { replyTo: named, detail: `replies go to ${named} (Reply-To)` };
}

async function openTicket(
  deps: IngestDeps,
  mail: InboundMail,
  from: MailAddress,
  verdicts: SesVerdicts,
  kept: KeptMail,
  claim: IdempotencyClaim,
  source: { at: string; location: string; identity: { messageId?: string; from?: string } },
): Promise<IngestOutcome> {
  // The requester is the sender From names (as SES's verdicts judge it), never a Reply-To.
  const named = { email: from.address, ...(from.name ? { name: keptName(from.name) } : {}) };
  const forged = verdicts.dmarc === 'fail';
  // A sender whose DMARC failed may be anyone: it is routed as an unknown requester, never as a VIP.
  const known: Requester = forged ? named : requesterFromDirectory(deps.config, named);
  const reply = forged ? {} : acceptedReplyTo(deps, from.address, mail.replyTo);
  const unmailable = unmailableReason(reply.replyTo ?? from.address);
  const requester: Requester = { ...known, ...(reply.replyTo ? { replyTo: reply.replyTo } : {}), ...(unmailable ? { unmailable } : {}) };
  const subject = cutText(mail.subject.trim() || '(no subject)', KEPT_MAIL_LIMITS.subject);
  const desk = addressedDesk(deps.config, [...mail.to, ...mail.cc]);
  const route = routeRequest({ config: deps.config, requester, channel: 'email', subject, ...(desk ? { addressedDesk: desk } : {}) });
  const number = await deps.store.nextNumber(deps.config.ticketKeyPrefix);
  const now = deps.now().toISOString();
  // People copied by a sender whose DMARC failed are not added: they would get the replies meant for the real one.
  const watchers = forged ? [] : copiedPeople(deps, requester, mail, []);
  const fitted = fitMailItem(
    {
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
      language: mailLanguage(deps.config, { sender: forged ? undefined : from.address, subject, text: mail.text }, route.desk),
      ...(mail.messageId ? { sourceMessageId: mail.messageId } : {}),
      watchers,
      ...(forged ? { unauthenticatedSender: `DMARC fail for ${from.address.slice(from.address.lastIndexOf('@') + 1)}` } : {}),
      rawMail: kept.rawMail,
      ...(kept.files.length ? { attachments: kept.files } : {}),
      ...(kept.unlisted ? { unlistedAttachments: kept.unlisted } : {}),
      createdAt: now,
      updatedAt: now,
      version: 1,
    } satisfies Ticket as Ticket,
    'description',
  );
  if (!fitted) return quarantine(deps, { at: source.at, location: source.location, reason: DOES_NOT_FIT, ...source.identity });
  const detail = [
    'by email',
    ...(forged ? ['sender not authenticated (DMARC fail): no directory lookup, no VIP routing, no copies'] : []),
    ...(reply.detail ? [reply.detail] : []),
    ...(watchers.length ? [`copied by the requester: ${watchers.join(', ')}`] : []),
    ...(unmailable ? [`the requester cannot be mailed (${unmailable}): no mail is sent to them`] : []),
  ].join('; ');
  const actor: Actor = { kind: 'user', id: requester.email, ...(requester.name ? { name: requester.name } : {}) };
  const outcome = await storeNewTicket(deps, fitted, { route, actor, claim, createdFields: ['status'], createdDetail: detail });
  return outcome.created ? { outcome: 'created', ticketKey: fitted.key } : { outcome: 'duplicate', ticketKey: outcome.ticketKey };
}
