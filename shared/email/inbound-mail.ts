import { convert as htmlToText } from 'html-to-text';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { multiLineText, oneLineText } from '../text/normalise-text.ts';
import { sanitizeCommentHtml } from '../text/sanitize-comment-html.ts';
import { InvalidMailError } from './invalid-mail-error.ts';
import { firstHeader, headerValues, mailHeadersFromLines, type MailHeaders } from './mail-headers.ts';
import { messageIds } from './message-id.ts';
import { declaredTextCharset, decodeRawHeaderBytes, isUtf8, rawHeaderCharset, withUtf8Headers } from './raw-header-charset.ts';
import { rawTextPart } from './raw-text-part.ts';
import { extractUuencodedFiles } from './uuencoded-files.ts';

/** A mailbox from an address header; the address is lower-cased, the name decoded to one line. */
export interface MailAddress {
  address: string;
  name?: string;
}

/** An attachment or inline part of an inbound message. */
export interface InboundAttachment {
  /** Decoded file name on one line, when the part has one. */
  filename?: string;
  contentType: string;
  /** Size of the decoded content in bytes. */
  size: number;
  content: Buffer;
  /** Content-ID without angle brackets, for inline images referenced by `cid:`. */
  contentId?: string;
  /** True for parts shown inside the body (inline disposition or multipart/related). */
  inline: boolean;
}

/** The top-level Content-Type: lower-cased media type and its parameters (e.g. `report-type`). */
export interface MailContentType {
  value: string;
  params: Record<string, string>;
}

/** What the intake needs from a raw inbound message, decoded and sanitised. */
export interface InboundMail {
  /** `<id>` form; undefined when the message has none. */
  messageId?: string;
  /** The first id of In-Reply-To, `<id>` form. */
  inReplyTo?: string;
  /** The References ids, `<id>` form, oldest first. */
  references: string[];
  /** Undefined when From holds no usable address (`MAILER-DAEMON`, `<>`): the intake decides, after reading delivery reports. */
  from?: MailAddress;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** Decoded subject on one line, '' when missing. */
  subject: string;
  /** The Date header; undefined when missing or not a date. */
  date?: Date;
  /** Plain text: the text part, else the HTML part converted to text; '' when there is neither. */
  text: string;
  /** The HTML part, sanitised for display; undefined when there is none. */
  html?: string;
  attachments: InboundAttachment[];
  contentType: MailContentType;
  /** Top-level raw headers in order, for classification and SES verdicts. */
  headers: MailHeaders;
}

/** Parser options: we convert HTML ourselves and keep `cid:` references untouched. */
const PARSER_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true } as const;

// A usable mailbox: one @, something on both sides, no white space or brackets (non-ASCII allowed, RFC 6532).
// Bidi controls and zero-width characters would make a look-alike of another address.
const USABLE_ADDRESS = /^[^\s@<>()",;\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]+@[^\s@<>()",;\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]+$/;
/** RFC 5321 4.5.3.1.3: a path is at most 256 octets with its angle brackets; a longer "address" delivers nowhere. */
const MAX_ADDRESS_OCTETS = 254;

/**
 * Parses a raw MIME message (as SES stores it in S3) into an {@link InboundMail}.
 * Broken charsets, truncated MIME, NUL bytes and 8-bit headers are decoded as well as possible.
 * @throws {InvalidMailError} when the bytes cannot be parsed.
 */
export async function parseInboundMail(raw: Buffer): Promise<InboundMail> {
  let parsed: ParsedMail;
  const prepared = withUtf8Headers(raw);
  try {
    parsed = await simpleParser(prepared.raw, PARSER_OPTIONS);
  } catch (error) {
    throw new InvalidMailError(`MIME: could not be parsed (${error instanceof Error ? error.message : String(error)})`);
  }

  const from = addresses(parsed.from)[0];

  const headers = mailHeadersFromLines(parsed.headerLines);
  const html = typeof parsed.html === 'string' && parsed.html.trim() !== '' ? sanitizeCommentHtml(parsed.html) : undefined;
  const date = parsed.date !== undefined && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined;
  const parsedText = bodyText(parsed.text, html);
  // A broken fold can hide every part from the parser; the text part is then read from the raw bytes.
  const fallbackText = parsedText.trim() === '' && html === undefined ? await rawTextPart(raw) : undefined;
  const body = extractUuencodedFiles(fallbackText === undefined ? parsedText : multiLineText(fallbackText));
  let declared: { charset?: string } | undefined;
  // The body's charset is looked up once per mail, and only when a file name has raw bytes to decode.
  const declaredCharset = () => (declared ??= { charset: declaredTextCharset(raw) }).charset;

  return {
    // Raw header values, because mailparser's own splitting mangles folded or broken id lists.
    messageId: messageIds(firstHeader(headers, 'message-id'))[0],
    inReplyTo: messageIds(firstHeader(headers, 'in-reply-to'))[0],
    references: messageIds(headerValues(headers, 'references')),
    ...(from ? { from } : {}),
    replyTo: addresses(parsed.replyTo),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: oneLineText(repairRawUtf8(parsed.subject ?? '')).trim(),
    date,
    text: body.text,
    html,
    attachments: [
      ...parsed.attachments.map(uudecodedPart).map((attachment) => ({
        filename: attachment.filename === undefined ? undefined : oneLineText(rawFileName(attachment.filename, raw, prepared.charset, declaredCharset)),
        contentType: attachment.contentType,
        size: attachment.content.length,
        content: attachment.content,
        contentId: attachment.contentId?.replace(/^<|>$/g, ''),
        inline: attachment.contentDisposition === 'inline' || attachment.related === true,
      })),
      ...body.files.map((file) => ({ filename: oneLineText(file.filename).trim(), contentType: file.contentType, size: file.content.length, content: file.content, inline: false })),
    ],
    contentType: contentType(parsed),
    headers,
  };
}

/** Why a mail without a usable From address is refused, once the intake has seen it is no delivery report. */
export const MISSING_SENDER_REASON = 'From: missing or not an address';

/**
 * A part sent with `Content-Transfer-Encoding: x-uuencode` (which mailparser leaves encoded) with
 * its content decoded; every other part as it is.
 */
function uudecodedPart<T extends { content: Buffer; headers: Map<string, unknown> }>(attachment: T): T {
  if (!/^x?-?uu(encode|e)?$/i.test(String(attachment.headers.get('content-transfer-encoding') ?? ''))) return attachment;
  const [file] = extractUuencodedFiles(attachment.content.toString('latin1').replace(/\r\n/g, '\n')).files;
  return file === undefined ? attachment : { ...attachment, content: file.content };
}

function bodyText(text: string | undefined, sanitisedHtml: string | undefined): string {
  if (text !== undefined && text.trim() !== '') return multiLineText(text);
  if (sanitisedHtml === undefined) return '';
  // The sanitised HTML is converted, so script and style content never reaches the text.
  return multiLineText(htmlToText(sanitisedHtml, { wordwrap: false, selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }] }));
}

/** Flattens address headers (several headers, groups) into usable mailboxes; unusable entries are skipped. */
function addresses(header: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (header === undefined) return [];
  const mailboxes = (Array.isArray(header) ? header : [header]).flatMap((object) => object.value.flatMap(flattenGroup));
  return mailboxes.flatMap((mailbox) => {
    const address = withoutControls(mailbox.address ?? '')
      .trim()
      .toLowerCase();
    if (!USABLE_ADDRESS.test(address) || Buffer.byteLength(address, 'utf8') > MAX_ADDRESS_OCTETS) return [];
    const name = oneLineText(repairRawUtf8(mailbox.name ?? '')).trim();
    return [name === '' ? { address } : { address, name }];
  });
}

function flattenGroup(entry: EmailAddress): EmailAddress[] {
  return entry.group === undefined ? [entry] : entry.group.flatMap(flattenGroup);
}

function contentType(parsed: ParsedMail): MailContentType {
  const header = parsed.headers.get('content-type');
  if (header !== undefined && typeof header === 'object' && 'params' in header && typeof header.value === 'string') {
    return { value: header.value.toLowerCase(), params: { ...header.params } };
  }
  // RFC 2045 5.2: no Content-Type means plain text.
  return { value: 'text/plain', params: {} };
}

/**
 * A file name from a part header as mailparser gives it: raw 8-bit bytes come out as Latin-1.
 * Raw UTF-8 is repaired; other raw bytes (the Latin-1 form appears byte for byte in the mail, so
 * it was not an encoded word) are decoded in the charset of the raw top-level headers, else as they are.
 */
function rawFileName(name: string, raw: Buffer, headerCharset: string | undefined, declaredCharset: () => string | undefined): string {
  // eslint-disable-next-line no-control-regex -- beyond Latin-1 is what matters, from U+0000 on
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const bytes = Buffer.from(name, 'latin1');
  const repaired = repairRawUtf8(name);
  if (repaired !== name || isUtf8(bytes) || !raw.includes(bytes)) return repaired;
  return decodeRawHeaderBytes(bytes, headerCharset ?? rawHeaderCharset(bytes, declaredCharset()));
}

/**
 * Undoes raw 8-bit UTF-8 in a header that was read as Latin-1 (`ÐÐ°Ñ` for `Кар`). Only text
 * that decodes as UTF-8 (allowing one character cut off at the end) is changed, so real Latin-1
 * (`Müller`) stays as it is.
 */
function repairRawUtf8(text: string): string {
  // eslint-disable-next-line no-control-regex -- beyond Latin-1 is what matters, from U+0000 on
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  const decoded = Buffer.from(text, 'latin1').toString('utf8');
  const cutOff = decoded.replace(/\uFFFD+$/, '');
  return cutOff.includes('\uFFFD') ? text : cutOff;
}

/** Drops NUL and the other C0 controls from an address; bidi and invisible characters stay, so the address is refused. */
function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '');
}
