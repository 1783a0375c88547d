import MailComposer from 'nodemailer/lib/mail-composer';
import { oneLineText } from '../text/normalise-text.ts';

/** One outbound mail, as the notification sender composes it. Every string is untrusted. */
export interface OutboundMailInput {
  from: { address: string; name?: string };
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** The `<id>` of the message this one answers, so mail clients thread it. */
  inReplyTo?: string;
  /** The `<id>`s of the thread, oldest first. */
  references?: string[];
  /**
   * The Message-ID to write, `<...>`. A placeholder: SES replaces it with one built from the
   * MessageId it returns, which is the value to store in the thread index.
   */
  messageId: string;
  /** Extra headers. They cannot replace the headers built from the fields above or the auto-response headers. */
  headers?: Record<string, string>;
}

/**
 * Headers every notification carries, whatever the caller asks for: RFC 3834 Auto-Submitted makes
 * well-behaved auto-responders (and our own intake) leave the mail unanswered, and
 * X-Auto-Response-Suppress does the same for Exchange and Outlook, which ignore Auto-Submitted.
 */
export const AUTO_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
};

/** Headers the composer builds from the input's fields; a custom header of the same name would contradict them. */
const STRUCTURAL_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
  ...Object.keys(AUTO_RESPONSE_HEADERS).map((name) => name.toLowerCase()),
]);

/** RFC 5322 field-name: printable US-ASCII except the colon. */
const FIELD_NAME = /^[!-9;-~]+$/;

/** A custom header the composer refuses: not a valid field name, or one it sets itself. */
export class InvalidOutboundHeaderError extends Error {
  constructor(
    readonly headerName: string,
    reason: string,
  ) {
    super(`Invalid outbound header ${JSON.stringify(headerName)}: ${reason}`);
    this.name = 'InvalidOutboundHeaderError';
  }
}

/**
 * Removes CR and LF. A line break in a header value is how a subject or display name taken from
 * a ticket would inject headers (Bcc:) or a body; a folded line is never needed in our values,
 * since the composer folds and encodes long or non-ASCII values itself.
 */
export function stripLineBreaks(value: string): string {
  return value.replace(/[\r\n]+/g, '');
}

/**
 * Builds the raw MIME message (RFC 5322, CRLF line endings) for SES SendRawEmail: text and,
 * when given, HTML as multipart/alternative, threading headers, and the auto-response headers.
 * Every value that ends up in a header has its CR/LF removed first; the subject and the sender's
 * name, which come from tickets, are also normalised like every one-line field (no controls, no
 * bidi overrides).
 */
export async function composeOutboundMail(input: OutboundMailInput): Promise<Buffer> {
  const headers: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(input.headers ?? {})) {
    const name = stripLineBreaks(rawName);
    if (!FIELD_NAME.test(name)) throw new InvalidOutboundHeaderError(rawName, 'not a valid header name');
    if (STRUCTURAL_HEADERS.has(name.toLowerCase())) throw new InvalidOutboundHeaderError(rawName, 'set from the mail fields, not as a custom header');
    headers[name] = stripLineBreaks(value);
  }
  // Last, so nothing above can remove them.
  Object.assign(headers, AUTO_RESPONSE_HEADERS);

  const name = input.from.name === undefined ? undefined : oneLineText(input.from.name).trim();
  const composer = new MailComposer({
    from: name ? { name, address: stripLineBreaks(input.from.address) } : stripLineBreaks(input.from.address),
    to: input.to.map(stripLineBreaks),
    ...(input.cc?.length ? { cc: input.cc.map(stripLineBreaks) } : {}),
    ...(input.replyTo === undefined ? {} : { replyTo: stripLineBreaks(input.replyTo) }),
    subject: oneLineText(input.subject).trim(),
    text: input.text,
    ...(input.html === undefined ? {} : { html: input.html }),
    ...(input.inReplyTo === undefined ? {} : { inReplyTo: stripLineBreaks(input.inReplyTo) }),
    ...(input.references?.length ? { references: input.references.map(stripLineBreaks) } : {}),
    messageId: stripLineBreaks(input.messageId),
    headers,
  });
  return composer.compile().build();
}

/**
 * Returns the message with its Message-ID header set to `messageId`: the first Message-ID field
 * (with its folded continuation lines) is replaced, or one is added at the top. This is what SES
 * does to a raw message it sends. The bytes are handled as latin1 so that 8-bit header bytes and
 * the body pass through unchanged.
 */
export function withMessageId(raw: Buffer, messageId: string): Buffer {
  const text = raw.toString('latin1');
  const separator = /\r?\n\r?\n/.exec(text);
  const headerEnd = separator ? separator.index : text.length;
  const head = text.slice(0, headerEnd);
  const field = `Message-ID: ${stripLineBreaks(messageId)}`;
  const existing = /^message-id[ \t]*:.*(?:\r?\n[ \t].*)*/im;
  const newHead = existing.test(head) ? head.replace(existing, field) : `${field}\r\n${head}`;
  return Buffer.concat([Buffer.from(newHead, 'latin1'), raw.subarray(Buffer.byteLength(head, 'latin1'))]);
}
