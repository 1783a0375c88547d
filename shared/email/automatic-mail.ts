import type { InboundMail } from './inbound-mail.ts';
import { autoReplySubjectReason, challengeResponseReason } from './automatic-reply-text.ts';
import { firstHeader, headerValues } from './mail-headers.ts';

/** What kind of machine-sent message it is: an auto-reply or other notice, a bounce/complaint, or list traffic. */
export type AutomaticKind = 'auto_reply' | 'bounce' | 'list';

/** The verdict on one message: automatic mail is recorded but never answered. */
export type AutomaticMail = { automatic: true; kind: AutomaticKind; reason: string } | { automatic: false; kind?: undefined; reason?: undefined };

/** The parts of a parsed message the classification reads; subject and text default to ''. */
export type ClassifiableMail = Pick<InboundMail, 'from' | 'headers' | 'contentType'> & Partial<Pick<InboundMail, 'subject' | 'text'>>;

const HUMAN: AutomaticMail = { automatic: false };

// Local parts of delivery systems (RFC 5321 4.5.1, RFC 3464 senders).
const BOUNCE_SENDER = /^(mailer[-_.]?daemon|postmaster)$/i;
// no-reply in its many spellings, alone or as a word of the local part (mail-noreply@, noreply+abc@).
const NO_REPLY_SENDER = /(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply|no[-_.]?response)($|[-_.+])/i;
// Header names auto-responders use to mark their replies; any value but a negative one counts.
const AUTO_REPLY_MARKERS = ['x-autoreply', 'x-autorespond'];
const NEGATIVE = /^(no|false|0)$/i;

/**
 * Decides whether a message was sent by a machine, so the desk never answers it (mail loops) and
 * can record a bounce of its own notification. Checks, most specific first: multipart/report
 * (RFC 6522: delivery status, read receipts, abuse reports), mailer-daemon/postmaster senders,
 * X-Failed-Recipients, Auto-Submitted other than `no` (RFC 3834), X-Autoreply / X-Autorespond /
 * X-Apple-Action: VACATION, List-Id / List-Unsubscribe (RFC 2919, 2369), X-Auto-Response-Suppress
 * All/OOF/AutoReply, a null Return-Path, Precedence list/bulk/junk and no-reply senders; then, for
 * responders that send none of these, the second signals: an automatic-reply subject prefix in the
 * common languages (`AUTO:`, `Automatic reply:`, `Abwesenheitsnotiz:`, `自動応答:`) and a
 * challenge-response filter's headers, sender or "please confirm you are human" text.
 */
export function classifyAutomatic(mail: ClassifiableMail): AutomaticMail {
  const { headers } = mail;
  // An address-less From (`MAILER-DAEMON`, `Mail Delivery System <postmaster>`) is read as written.
  const sender =
    mail.from?.address ??
    /<([^>]*)>|(\S+)\s*$/
      .exec(firstHeader(headers, 'from') ?? '')
      ?.slice(1)
      .find((part) => part !== undefined) ??
    '';
  const localPart = sender.includes('@') ? sender.slice(0, sender.lastIndexOf('@')) : sender;

  if (mail.contentType.value === 'multipart/report') {
    const reportType = (mail.contentType.params['report-type'] ?? '').toLowerCase();
    const kind = reportType === 'delivery-status' || reportType === 'feedback-report' ? 'bounce' : 'auto_reply';
    return { automatic: true, kind, reason: `Content-Type: multipart/report; report-type=${reportType || '(none)'}` };
  }
  if (BOUNCE_SENDER.test(localPart)) return { automatic: true, kind: 'bounce', reason: `From: ${localPart.toLowerCase()}` };
  if (firstHeader(headers, 'x-failed-recipients') !== undefined) {
    return { automatic: true, kind: 'bounce', reason: 'X-Failed-Recipients present' };
  }

  const autoSubmitted = firstToken(firstHeader(headers, 'auto-submitted'));
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') {
    return { automatic: true, kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  }
  for (const name of AUTO_REPLY_MARKERS) {
    const value = firstHeader(headers, name);
    if (value !== undefined && !NEGATIVE.test(value)) return { automatic: true, kind: 'auto_reply', reason: `${displayName(name)} present` };
  }
  // iCloud's vacation responder marks its replies only this way.
  if (/^vacation$/i.test(firstHeader(headers, 'x-apple-action') ?? '')) {
    return { automatic: true, kind: 'auto_reply', reason: 'X-Apple-Action: VACATION' };
  }
  if (firstHeader(headers, 'list-id') !== undefined) return { automatic: true, kind: 'list', reason: 'List-Id present' };
  if (firstHeader(headers, 'list-unsubscribe') !== undefined) return { automatic: true, kind: 'list', reason: 'List-Unsubscribe present' };

  // Exchange puts this on its own automatic replies; its senders ask not to be answered.
  const suppress = headerValues(headers, 'x-auto-response-suppress')
    .flatMap((value) => value.split(/[\s,]+/))
    .find((flag) => /^(all|oof|autoreply)$/i.test(flag));
  if (suppress !== undefined) return { automatic: true, kind: 'auto_reply', reason: `X-Auto-Response-Suppress: ${suppress}` };

  // The null reverse path is reserved for delivery notifications (RFC 5321 4.5.5).
  const returnPath = firstHeader(headers, 'return-path');
  if (returnPath !== undefined && /^<\s*>$/.test(returnPath.trim())) {
    return { automatic: true, kind: 'bounce', reason: 'Return-Path: <> (null sender)' };
  }

  const precedence = firstToken(firstHeader(headers, 'precedence'));
  if (precedence === 'list') return { automatic: true, kind: 'list', reason: 'Precedence: list' };
  if (precedence === 'bulk' || precedence === 'junk') return { automatic: true, kind: 'auto_reply', reason: `Precedence: ${precedence}` };

  if (NO_REPLY_SENDER.test(localPart)) return { automatic: true, kind: 'auto_reply', reason: `From: no-reply sender (${localPart.toLowerCase()})` };

  const subject = mail.subject ?? '';
  const bySubject = autoReplySubjectReason(subject);
  if (bySubject !== undefined) return { automatic: true, kind: 'auto_reply', reason: bySubject };
  const challenge = challengeResponseReason({ from: { address: sender }, headers, subject, text: mail.text ?? '' });
  if (challenge !== undefined) return { automatic: true, kind: 'auto_reply', reason: challenge };
  return HUMAN;
}

/** The first token of a header value, lower-cased, without parameters or comments. */
function firstToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const token = value
    .trim()
    .split(/[\s;(]/, 1)[0]
    ?.toLowerCase();
  return token === '' ? undefined : token;
}

function displayName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}
