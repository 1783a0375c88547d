import iconv from 'iconv-lite';
import { MAX_RAW_MAIL_BYTES } from '../../shared/ports/raw-mail-store.ts';
import { uuencode } from './uuencode.ts';

/**
 * A corpus of malformed and hostile raw mail, generated here byte for byte: truncated MIME, lying
 * and unknown charsets, huge and deeply nested messages, NUL bytes, header injection attempts. Each
 * case says what the intake must make of it: a ticket, a comment, a quarantine entry with a
 * reason, or a dead letter with a logged reason. Bytes are built on demand, so the large cases cost nothing
 * until they are used.
 */

/** Every case's sender (when it has one) is `<case name>@CORPUS_DOMAIN`, so its ticket is found by requester. */
export const CORPUS_DOMAIN = 'corpus.example.org';

/** Where injection attempts try to send a copy, and the header they try to add. */
export const INJECTED_BCC = 'victim@attacker.example';
export const INJECTED_HEADER = 'X-Injected';

export type ExpectedOutcome =
  | {
      kind: 'ticket';
      /** The stored subject, when the case pins it down. */
      subject?: string;
      /** The requester's stored name, when the case pins it down. */
      requesterName?: string;
      /** Each listed attachment, in order: its stored name, size, and whether it is refused. */
      attachments?: { name: string; size: number; refused?: RegExp }[];
      /** Text the description must contain. */
      descriptionContains?: string;
    }
  | {
      kind: 'comment';
      /** The case whose ticket the mail answers (it comes earlier in the batch). */
      on: string;
      /** Text the comment body must contain. */
      bodyContains?: string;
      /** Whether the comment keeps the mail's HTML. */
      keepsHtml?: boolean;
    }
  | { kind: 'quarantine'; reason: RegExp }
  /** Readable but not applied (a duplicate, automatic mail on no ticket): listed beside the quarantine with the reason. */
  | { kind: 'ignored'; reason: RegExp }
  /** Reported in batchItemFailures (retried, then the dead-letter queue), the error logged. */
  | { kind: 'dead-letter'; reason: RegExp };

export interface MalformedMailCase {
  /** Kebab-case; also the local part of the sender and part of the stored object key. */
  name: string;
  /** What is wrong with the message, for the corpus table. */
  what: string;
  expected: ExpectedOutcome;
  /** True for the cases whose acknowledgement must carry no injected header. */
  injection?: boolean;
  /** The raw message, generated on each call. */
  bytes(): Buffer;
}

/** The sender address of a case. */
export function senderOf(name: string): string {
  return `${name}@${CORPUS_DOMAIN}`;
}

const CRLF = '\r\n';
const DESK = 'support@desk.example.com';
const DATE = 'Tue, 3 Mar 2026 09:00:00 +0000';

function crlf(lines: readonly string[]): Buffer {
  return Buffer.from(lines.join(CRLF), 'utf8');
}

/** The usual top of a message from the case's sender; `overrides` replace headers by name. */
function head(name: string, subject: string, overrides: Record<string, string | undefined> = {}): string[] {
  const headers: Record<string, string | undefined> = {
    From: `Corpus Sender <${senderOf(name)}>`,
    To: DESK,
    Subject: subject,
    'Message-ID': `<${name}@${CORPUS_DOMAIN}>`,
    Date: DATE,
    'MIME-Version': '1.0',
    ...overrides,
  };
  return Object.entries(headers).flatMap(([key, value]) => (value === undefined ? [] : [`${key}: ${value}`]));
}

/** Base64 in 76-character lines, as mail clients write it. */
function base64Lines(content: Buffer): string[] {
  const encoded = content.toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < encoded.length; start += 76) lines.push(encoded.slice(start, start + 76));
  return lines;
}

/** A deterministic byte pattern (no randomness: a failing case must fail the same way again). */
function patternBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index++) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/** A multipart/mixed message `depth` levels deep, the text at the bottom. */
function nestedMultipart(name: string, depth: number): Buffer {
  const lines = [...head(name, `Nested ${depth} deep`), `Content-Type: multipart/mixed; boundary="level-0"`, ''];
  for (let level = 1; level < depth; level++) {
    lines.push(`--level-${level - 1}`, `Content-Type: multipart/mixed; boundary="level-${level}"`, '');
  }
  lines.push(`--level-${depth - 1}`, 'Content-Type: text/plain; charset=utf-8', '', `Found at the bottom of ${depth} levels.`);
  for (let level = depth - 1; level >= 0; level--) lines.push(`--level-${level}--`);
  return crlf(lines);
}

/** A multipart mail with a text part and `content` as a base64 attachment. */
function withAttachment(name: string, subject: string, filename: string, content: Buffer): Buffer {
  return crlf([
    ...head(name, subject),
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'See the attached file.',
    '--outer',
    `Content-Type: application/octet-stream; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    ...base64Lines(content),
    '--outer--',
    '',
  ]);
}

/** The decoded size of the large attachment: 30 MB as base64 (before line breaks), over the 10 MB per-file limit. */
export const LARGE_ATTACHMENT_BYTES = (30 * 1024 * 1024 * 3) / 4;

/** The size of the uuencoded log: about 27 KB of text in the mail. */
const UUENCODED_LOG_BYTES = 20_000;

/** One byte over what the raw mail store reads: SES receiving's 40 MB. */
export const OVER_SES_LIMIT_BYTES = MAX_RAW_MAIL_BYTES + 1;

const FROM_REASON = /^From: missing or not an address$/;

/** Subjects and names as a legacy mail client writes them, one per charset. */
const LEGACY_HEADER_TEXTS = {
  'windows-1251': { subject: 'Не работает принтер на третьем этаже', name: 'Иван Петров' },
  'iso-8859-1': { subject: 'Drucker im Büro läuft nicht', name: 'Jürgen Groß' },
  gb2312: { subject: '三楼的打印机坏了', name: '张伟' },
  shift_jis: { subject: '三階のプリンターが動きません', name: '山田太郎' },
} as const;

/** Subject and From name as raw bytes in `charset` (no encoded words), the body declaring the same charset. */
function rawLegacyHeaders(charset: keyof typeof LEGACY_HEADER_TEXTS): MalformedMailCase {
  const name = `raw-8bit-headers-${charset.replace('_', '-')}`;
  const { subject, name: sender } = LEGACY_HEADER_TEXTS[charset];
  return {
    name,
    what: `raw ${charset} bytes (not encoded-words) in the Subject and the From name, the body declaring ${charset}`,
    expected: { kind: 'ticket', subject, requesterName: sender, descriptionContains: subject },
    bytes: () =>
      Buffer.concat([
        Buffer.from('From: '),
        iconv.encode(sender, charset),
        Buffer.from(` <${senderOf(name)}>${CRLF}To: ${DESK}${CRLF}Subject: `),
        iconv.encode(subject, charset),
        crlf(['', `Message-ID: <${name}@${CORPUS_DOMAIN}>`, `Date: ${DATE}`, 'MIME-Version: 1.0', `Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: 8bit', '', '']),
        iconv.encode(`${subject}.${CRLF}`, charset),
      ]),
  };
}

function goodMail(name: string): MalformedMailCase {
  return {
    name,
    what: 'a well-formed plain-text mail',
    expected: { kind: 'ticket', subject: `Good mail ${name}`, descriptionContains: 'An ordinary request.' },
    bytes: () => crlf([...head(name, `Good mail ${name}`), 'Content-Type: text/plain; charset=utf-8', '', 'An ordinary request.', '']),
  };
}

/** Ordinary mail that must become tickets whatever surrounds it in the batch; replies in the corpus answer the first. */
export const GOOD_MAIL: readonly MalformedMailCase[] = ['good-mail-1', 'good-mail-2', 'good-mail-3'].map(goodMail);

export const MALFORMED_MAIL: readonly MalformedMailCase[] = [
  {
    name: 'truncated-in-headers',
    what: 'cut off in the middle of the Subject header: no end of line, no body',
    expected: { kind: 'ticket', subject: 'Printer on flo' },
    bytes: () => Buffer.from([`From: Corpus Sender <${senderOf('truncated-in-headers')}>`, `To: ${DESK}`, `Date: ${DATE}`, 'Subject: Printer on flo'].join(CRLF)),
  },
  {
    name: 'truncated-mid-boundary',
    what: 'multipart cut off in the middle of a delimiter line',
    expected: { kind: 'ticket', subject: 'Truncated at a boundary', descriptionContains: 'The part before the cut.' },
    bytes: () =>
      Buffer.concat([
        crlf([
          ...head('truncated-mid-boundary', 'Truncated at a boundary'),
          'Content-Type: multipart/mixed; boundary="cut-here-boundary"',
          '',
          '--cut-here-boundary',
          'Content-Type: text/plain',
          '',
          'The part before the cut.',
          '',
        ]),
        Buffer.from('--cut-he'),
      ]),
  },
  {
    name: 'truncated-mid-base64',
    what: 'attachment cut off in the middle of a base64 line (a partial quantum at the end)',
    // Of 3,000 bytes, 52 whole lines (2,964 bytes) and 5 quanta (15) arrive; the cut quantum's 3 characters still give 2.
    expected: { kind: 'ticket', subject: 'Truncated attachment', descriptionContains: 'See the attached file.', attachments: [{ name: 'log.bin', size: 2981 }] },
    bytes: () => {
      const whole = withAttachment('truncated-mid-base64', 'Truncated attachment', 'log.bin', patternBytes(3000, 7));
      const lastLine = whole.lastIndexOf(CRLF, whole.indexOf('--outer--') - CRLF.length - 1) + CRLF.length;
      // Three characters into the sixth 4-character quantum of the last base64 line.
      return whole.subarray(0, lastLine + 5 * 4 + 3);
    },
  },
  {
    name: 'charset-utf8-with-latin1-bytes',
    what: 'declares charset=utf-8 for Latin-1 bytes, in the body and in an encoded-word subject',
    expected: { kind: 'ticket', descriptionContains: 'Drucker' },
    bytes: () =>
      Buffer.concat([
        crlf([...head('charset-utf8-with-latin1-bytes', '=?utf-8?q?Drucker_im_B=FCro?='), 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '']),
        Buffer.from('Der Drucker im B\u00fcro ist kaputt, bitte pr\u00fcfen.\r\n', 'latin1'),
      ]),
  },
  {
    name: 'charset-x-unknown',
    what: 'declares charset=x-unknown for the body and an encoded-word subject',
    expected: { kind: 'ticket', descriptionContains: 'Unknown charset body' },
    bytes: () => crlf([...head('charset-x-unknown', '=?x-unknown?q?Mystery_charset?='), 'Content-Type: text/plain; charset=x-unknown', '', 'Unknown charset body.', '']),
  },
  {
    name: 'charset-iso-2022-jp',
    what: 'ISO-2022-JP subject (encoded-word) and body, the body ending without its escape back to ASCII',
    // "テスト" (test) in JIS X 0208 between ESC $ B and ESC ( B.
    expected: { kind: 'ticket', subject: 'テスト', descriptionContains: 'テスト' },
    bytes: () => {
      const jis = Buffer.from([0x1b, 0x24, 0x42, 0x25, 0x46, 0x25, 0x39, 0x25, 0x48, 0x1b, 0x28, 0x42]);
      return Buffer.concat([
        crlf([...head('charset-iso-2022-jp', `=?ISO-2022-JP?B?${jis.toString('base64')}?=`), 'Content-Type: text/plain; charset=ISO-2022-JP', 'Content-Transfer-Encoding: 7bit', '', '']),
        jis,
        Buffer.from(CRLF),
        // Shift into JIS X 0208 and never back.
        Buffer.from([0x1b, 0x24, 0x42, 0x25, 0x46]),
        Buffer.from(CRLF),
      ]);
    },
  },
  {
    name: 'charset-utf-7',
    what: 'UTF-7 body and encoded-word subject',
    // No UTF-7 decoder in mailparser: subject and text are kept as sent, which is plain ASCII.
    expected: { kind: 'ticket', descriptionContains: 'au lait' },
    bytes: () => crlf([...head('charset-utf-7', '=?utf-7?q?Caf+AOk-?='), 'Content-Type: text/plain; charset=utf-7', '', 'Caf+AOk- au lait +- more', '']),
  },
  {
    name: 'headers-10000-lines',
    what: '10,000 header lines before the body',
    expected: { kind: 'ticket', subject: 'Ten thousand headers', descriptionContains: 'Body after the headers.' },
    bytes: () => crlf([...head('headers-10000-lines', 'Ten thousand headers'), ...Array.from({ length: 10_000 }, (_, index) => `X-Filler-${index}: value ${index}`), '', 'Body after the headers.', '']),
  },
  {
    name: 'header-line-1mb',
    what: 'one Subject header line of 1 MB',
    expected: { kind: 'quarantine', reason: /^MIME: could not be parsed \(.*header size/ },
    bytes: () => crlf([...head('header-line-1mb', 'S'.repeat(1024 * 1024)), '', 'Body after a huge header.', '']),
  },
  {
    name: 'multipart-nested-50',
    what: 'multipart/mixed nested 50 levels deep',
    expected: { kind: 'ticket', subject: 'Nested 50 deep', descriptionContains: 'Found at the bottom of 50 levels.' },
    bytes: () => nestedMultipart('multipart-nested-50', 50),
  },
  {
    name: 'multipart-nested-500',
    what: 'multipart/mixed nested 500 levels deep',
    expected: { kind: 'ticket', subject: 'Nested 500 deep', descriptionContains: 'Found at the bottom of 500 levels.' },
    bytes: () => nestedMultipart('multipart-nested-500', 500),
  },
  {
    name: 'multipart-missing-boundary',
    what: 'multipart/mixed without a boundary parameter',
    // Everything after the header reads as preamble: the ticket has no text, the raw mail is linked.
    expected: { kind: 'ticket', subject: 'No boundary' },
    bytes: () => crlf([...head('multipart-missing-boundary', 'No boundary'), 'Content-Type: multipart/mixed', '', '--x', 'Content-Type: text/plain', '', 'Text without a declared boundary.', '--x--', '']),
  },
  {
    name: 'multipart-duplicate-boundary',
    what: "two boundary parameters, and a nested multipart reusing its parent's boundary",
    expected: { kind: 'ticket', subject: 'Duplicate boundary', descriptionContains: 'Inner text.' },
    bytes: () =>
      crlf([
        ...head('multipart-duplicate-boundary', 'Duplicate boundary'),
        'Content-Type: multipart/mixed; boundary="same"; boundary="other"',
        '',
        '--same',
        'Content-Type: multipart/alternative; boundary="same"',
        '',
        '--same',
        'Content-Type: text/plain',
        '',
        'Inner text.',
        '--same--',
        '--same--',
        '',
      ]),
  },
  {
    name: 'multipart-empty-boundary',
    what: 'multipart/mixed with boundary=""',
    // As without a boundary: no text on the ticket, the raw mail is linked.
    expected: { kind: 'ticket', subject: 'Empty boundary' },
    bytes: () => crlf([...head('multipart-empty-boundary', 'Empty boundary'), 'Content-Type: multipart/mixed; boundary=""', '', '--', 'Content-Type: text/plain', '', 'Text.', '----', '']),
  },
  {
    name: 'attachment-zero-byte',
    what: 'an attachment with no content at all',
    expected: { kind: 'ticket', subject: 'Empty file', attachments: [{ name: 'empty.txt', size: 0 }] },
    bytes: () => withAttachment('attachment-zero-byte', 'Empty file', 'empty.txt', Buffer.alloc(0)),
  },
  {
    name: 'attachment-30mb',
    what: 'a 30 MB base64 attachment body (22.5 MB decoded, over the 10 MB per-file limit)',
    expected: { kind: 'ticket', subject: 'Huge attachment', attachments: [{ name: 'disk.img', size: LARGE_ATTACHMENT_BYTES, refused: /10 MB limit per file/ }] },
    bytes: () => withAttachment('attachment-30mb', 'Huge attachment', 'disk.img', patternBytes(LARGE_ATTACHMENT_BYTES, 30)),
  },
  {
    name: 'over-ses-limit',
    what: 'one byte over the 40 MB SES receiving limit: the raw mail store refuses to read it, and it is quarantined unread',
    expected: { kind: 'quarantine', reason: new RegExp(`is ${OVER_SES_LIMIT_BYTES} bytes, over the ${MAX_RAW_MAIL_BYTES}-byte limit`) },
    bytes: () => {
      const top = crlf([...head('over-ses-limit', 'Too large'), 'Content-Type: text/plain', '', '']);
      return Buffer.concat([top, Buffer.alloc(OVER_SES_LIMIT_BYTES - top.length, 'a')]);
    },
  },
  {
    name: 'nul-bytes',
    what: 'NUL bytes in the From name, the Subject, a custom header and the body',
    expected: { kind: 'ticket', subject: 'Printer jammed', requesterName: 'Nul Sender', descriptionContains: 'Paper is stuck.' },
    bytes: () => crlf([...head('nul-bytes', 'Printer\u0000 jammed', { From: `Nul\u0000 Sender <${senderOf('nul-bytes')}>` }), 'X-Nul: a\u0000b', '', 'Paper\u0000 is stuck.', '']),
  },
  {
    name: 'injection-from-name',
    what: 'CR/LF and a Bcc header in an encoded-word From display name',
    injection: true,
    expected: { kind: 'ticket', subject: 'Injected name', requesterName: `Eve Bcc: ${INJECTED_BCC} ${INJECTED_HEADER}: yes` },
    bytes: () =>
      crlf([
        ...head('injection-from-name', 'Injected name', {
          // Colon and at-sign encoded, as RFC 2047 5(3) requires in a phrase, so the name parses as one.
          From: `=?utf-8?q?Eve=0D=0ABcc=3A_${INJECTED_BCC.replace('@', '=40')}=0D=0A${INJECTED_HEADER}=3A_yes?= <${senderOf('injection-from-name')}>`,
        }),
        '',
        'Hello.',
        '',
      ]),
  },
  {
    name: 'injection-subject-percent',
    what: 'URL-encoded CR/LF (%0d%0a) and a Bcc header in the Subject',
    injection: true,
    expected: { kind: 'ticket', subject: `Help%0d%0aBcc: ${INJECTED_BCC}%0d%0a${INJECTED_HEADER}: yes` },
    bytes: () => crlf([...head('injection-subject-percent', `Help%0d%0aBcc: ${INJECTED_BCC}%0d%0a${INJECTED_HEADER}: yes`), '', 'Hello.', '']),
  },
  {
    name: 'injection-subject-encoded-word',
    what: 'CR/LF, Bcc and a custom header in a quoted-printable encoded-word Subject',
    injection: true,
    expected: { kind: 'ticket', subject: `Help Bcc: ${INJECTED_BCC} ${INJECTED_HEADER}: yes` },
    bytes: () => crlf([...head('injection-subject-encoded-word', `=?utf-8?q?Help=0D=0ABcc:_${INJECTED_BCC}=0D=0A${INJECTED_HEADER}:_yes?=`), '', 'Hello.', '']),
  },
  {
    name: 'injection-filename',
    what: 'CR/LF and headers in attachment file names (an encoded-word and an RFC 2231 parameter)',
    injection: true,
    expected: {
      kind: 'ticket',
      subject: 'Injected file names',
      attachments: [
        { name: `report Bcc: ${INJECTED_BCC}.txt`, size: 3 },
        { name: `notes ${INJECTED_HEADER}: yes.txt`, size: 3 },
      ],
    },
    bytes: () =>
      crlf([
        ...head('injection-filename', 'Injected file names'),
        'Content-Type: multipart/mixed; boundary="files"',
        '',
        '--files',
        'Content-Type: text/plain',
        '',
        'Two files.',
        '--files',
        'Content-Type: text/plain',
        `Content-Disposition: attachment; filename="=?utf-8?q?report=0D=0ABcc:_${INJECTED_BCC}.txt?="`,
        '',
        'one',
        '--files',
        'Content-Type: text/plain',
        `Content-Disposition: attachment; filename*=utf-8''notes%0D%0A${INJECTED_HEADER}%3A%20yes.txt`,
        '',
        'two',
        '--files--',
        '',
      ]),
  },
  {
    name: 'lone-cr-in-headers',
    what: 'bare CR (no LF) before a Bcc header inside the Subject and the From name',
    injection: true,
    expected: { kind: 'ticket', subject: `Help Bcc: ${INJECTED_BCC}`, requesterName: `Eve ${INJECTED_HEADER}: yes` },
    bytes: () => crlf([...head('lone-cr-in-headers', `Help\rBcc: ${INJECTED_BCC}`, { From: `"Eve\r${INJECTED_HEADER}: yes" <${senderOf('lone-cr-in-headers')}>` }), '', 'Hello.', '']),
  },
  {
    name: 'message-id-4kb',
    what: 'a Message-ID of 4 KB, longer than a thread index key may be',
    expected: { kind: 'ticket', subject: 'Long id' },
    bytes: () => crlf([...head('message-id-4kb', 'Long id', { 'Message-ID': `<${'m'.repeat(4096)}@${CORPUS_DOMAIN}>` }), '', 'Hello.', '']),
  },
  {
    name: 'references-4kb-id',
    what: 'an In-Reply-To and References id of 4 KB, looked up in the thread index',
    expected: { kind: 'ticket', subject: 'Re: long reference' },
    bytes: () => {
      const id = `<${'r'.repeat(4096)}@${CORPUS_DOMAIN}>`;
      return crlf([...head('references-4kb-id', 'Re: long reference', { 'In-Reply-To': id, References: id }), '', 'Hello.', '']);
    },
  },
  {
    name: 'text-body-1mb',
    what: 'a plain-text body of 1 MB, more than a ticket item holds',
    expected: { kind: 'ticket', subject: 'Long log', descriptionContains: '[Cut at 50000 characters: the whole mail is kept as raw mail.]' },
    bytes: () => crlf([...head('text-body-1mb', 'Long log'), 'Content-Type: text/plain', '', ...Array.from({ length: 16 * 1024 }, (_, index) => `log line ${index} `.padEnd(62, '.')), '']),
  },
  {
    name: 'from-name-500kb',
    what: 'a From display name of 500 KB, more than a ticket item holds',
    expected: { kind: 'ticket', subject: 'Long name', requesterName: 'N'.repeat(200) },
    bytes: () => crlf([...head('from-name-500kb', 'Long name', { From: `"${'N'.repeat(500 * 1024)}" <${senderOf('from-name-500kb')}>` }), '', 'Hello.', '']),
  },
  {
    name: 'from-address-3kb',
    what: 'a From address of 3 KB, longer than an SMTP path',
    expected: { kind: 'quarantine', reason: FROM_REASON },
    bytes: () => crlf([...head('from-address-3kb', 'Long address', { From: `<${'a'.repeat(3072)}@${CORPUS_DOMAIN}>` }), '', 'Hello.', '']),
  },
  {
    name: 'subject-cut-inside-emoji',
    what: 'a subject whose 250th UTF-16 unit is the first half of an emoji, where the subject is cut',
    expected: { kind: 'ticket', subject: 'a'.repeat(249) },
    bytes: () => crlf([...head('subject-cut-inside-emoji', `=?utf-8?b?${Buffer.from(`${'a'.repeat(249)}\u{1F600} and more`).toString('base64')}?=`), '', 'Hello.', '']),
  },
  {
    name: 'reply-html-1mb',
    what: 'a reply to good-mail-1 by its requester whose only body is 1 MB of HTML, more than a comment item holds',
    expected: { kind: 'comment', on: 'good-mail-1', bodyContains: 'Line 0 of a long HTML reply', keepsHtml: false },
    bytes: () =>
      crlf([
        ...head('reply-html-1mb', 'Re: Good mail good-mail-1', { From: `Corpus Sender <${senderOf('good-mail-1')}>`, 'In-Reply-To': `<good-mail-1@${CORPUS_DOMAIN}>` }),
        'Content-Type: text/html; charset=utf-8',
        '',
        ...Array.from({ length: 16 * 1024 }, (_, index) => `<p>Line ${index} of a long HTML reply</p>`.padEnd(62, ' ')),
        '',
      ]),
  },
  {
    name: 'from-without-address',
    what: 'a From header with a display name and no address',
    expected: { kind: 'quarantine', reason: FROM_REASON },
    bytes: () => crlf([...head('from-without-address', 'Nobody', { From: 'Just A Name' }), '', 'Who sent this?', '']),
  },
  {
    name: 'raw-8bit-headers',
    what: 'raw UTF-8 bytes (not encoded-words) in the Subject and the From name',
    expected: { kind: 'ticket', subject: 'Drucker im Büro – Größe A4', requesterName: 'Jürgen Groß' },
    bytes: () => crlf([...head('raw-8bit-headers', 'Drucker im Büro – Größe A4', { From: `Jürgen Groß <${senderOf('raw-8bit-headers')}>` }), 'Content-Type: text/plain; charset=utf-8', '', 'Grüße.', '']),
  },
  {
    name: 'headers-only',
    what: 'headers and no body, not even the blank line',
    expected: { kind: 'ticket', subject: 'Only headers' },
    bytes: () => Buffer.from(head('headers-only', 'Only headers').join(CRLF)),
  },
  {
    name: 'empty-message',
    what: 'zero bytes',
    expected: { kind: 'quarantine', reason: FROM_REASON },
    bytes: () => Buffer.alloc(0),
  },
  {
    name: 'binary-garbage',
    what: '64 KB of pseudo-random bytes',
    expected: { kind: 'quarantine', reason: FROM_REASON },
    bytes: () => patternBytes(64 * 1024, 2026),
  },
  // Mail decoding: raw 8-bit headers in legacy charsets, automatic replies, uuencoded parts, broken folding.
  ...(['windows-1251', 'iso-8859-1', 'gb2312', 'shift_jis'] as const).map((charset) => rawLegacyHeaders(charset)),
  {
    name: 'auto-reply-lotus-notes',
    what: 'a Lotus Notes out-of-office reply to good-mail-1: only its "AUTO:" subject says so, no automatic header',
    expected: { kind: 'comment', on: 'good-mail-1', bodyContains: 'Automatic mail (Subject: automatic reply (AUTO:))' },
    bytes: () =>
      crlf([
        ...head('auto-reply-lotus-notes', 'AUTO: Corpus Sender is out of the office (returning 09.03.2026)', { 'In-Reply-To': `<good-mail-1@${CORPUS_DOMAIN}>` }),
        'Content-Type: text/plain; charset=US-ASCII',
        '',
        'I will be out of the office starting  02.03.2026 and will not return until 09.03.2026.',
        '',
        'I will respond to your message when I return.',
        '',
      ]),
  },
  {
    name: 'challenge-response-reply',
    what: 'a challenge-response filter\'s answer to good-mail-2: "please confirm you are human", no automatic header',
    expected: { kind: 'comment', on: 'good-mail-2', bodyContains: 'Automatic mail (Text: challenge-response request to confirm the sender)' },
    bytes: () =>
      crlf([
        ...head('challenge-response-reply', 'Re: Good mail good-mail-2', { 'In-Reply-To': `<good-mail-2@${CORPUS_DOMAIN}>` }),
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hello,',
        '',
        'I protect my mailbox from spam with a challenge-response filter. Your message is held.',
        'Please confirm that you are a human by clicking the link below; your message will then be delivered.',
        '',
        'https://cr.example.net/confirm/7c1e0a',
        '',
      ]),
  },
  {
    name: 'uuencoded-part',
    what: 'a plain-text body carrying a 20 KB log as a uuencoded block (begin 644 ... end), as old clients attach files',
    expected: { kind: 'ticket', subject: 'Backup log', descriptionContains: 'The log of last night is below.', attachments: [{ name: 'backup.log', size: UUENCODED_LOG_BYTES }] },
    bytes: () =>
      crlf([
        ...head('uuencoded-part', 'Backup log'),
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'The log of last night is below.',
        '',
        uuencode('backup.log', patternBytes(UUENCODED_LOG_BYTES, 17)),
        '',
        'Regards',
        '',
      ]),
  },
  {
    name: 'broken-folding-text',
    what: 'the boundary of multipart/mixed on an unindented line after "Content-Type: multipart/mixed;", hiding the text part from the parser',
    expected: { kind: 'ticket', subject: 'Broken folding', descriptionContains: 'Der Drucker im Büro druckt nur leere Seiten.' },
    bytes: () =>
      crlf([
        ...head('broken-folding-text', 'Broken folding'),
        'Content-Type: multipart/mixed;',
        'boundary="----=_NextPart_000_0012"',
        '',
        'This is a multi-part message in MIME format.',
        '',
        '------=_NextPart_000_0012',
        'Content-Type: text/plain; charset="iso-8859-1"',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Der Drucker im B=FCro druckt nur leere Seiten.',
        '------=_NextPart_000_0012--',
        '',
      ]),
  },
  // Mail identity, delivery reports, reused ids and item size.
  {
    name: 'bounce-address-less-from',
    what: 'a delivery report from "MAILER-DAEMON" (no address) returning the mail that opened good-mail-1\'s ticket',
    expected: { kind: 'comment', on: 'good-mail-1', bodyContains: 'Mail bounced:' },
    bytes: () =>
      crlf([
        ...head('bounce-address-less-from', 'Undelivered Mail Returned to Sender', { From: 'MAILER-DAEMON', 'Return-Path': '<>' }),
        'Content-Type: multipart/report; report-type=delivery-status; boundary="report"',
        '',
        '--report',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Your message could not be delivered.',
        '--report',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.corpus.example.org',
        '',
        `Final-Recipient: rfc822; ${senderOf('good-mail-1')}`,
        'Action: failed',
        'Status: 5.1.1',
        '--report',
        'Content-Type: text/rfc822-headers',
        '',
        `From: ${senderOf('good-mail-1')}`,
        `Message-ID: <good-mail-1@${CORPUS_DOMAIN}>`,
        'Subject: Good mail good-mail-1',
        '--report--',
        '',
      ]),
  },
  {
    name: 'bounce-null-from-no-ticket',
    what: 'a delivery report whose From is "<>", returning a message the desk never saw',
    expected: { kind: 'ignored', reason: /^automatic mail on no open ticket \(Content-Type: multipart\/report; report-type=delivery-status\)$/ },
    bytes: () =>
      crlf([
        ...head('bounce-null-from-no-ticket', 'Delivery Status Notification (Failure)', { From: '<>' }),
        'Content-Type: multipart/report; report-type=delivery-status; boundary="report"',
        '',
        '--report',
        'Content-Type: message/delivery-status',
        '',
        'Final-Recipient: rfc822; nobody@elsewhere.example',
        'Action: failed',
        'Status: 5.1.1',
        '--report--',
        '',
      ]),
  },
  {
    name: 'reused-message-id',
    what: "a different mail from another sender reusing good-mail-2's Message-ID, as buggy mailers do",
    expected: { kind: 'ticket', subject: 'Reused id', descriptionContains: 'Not the same mail at all.' },
    bytes: () => crlf([...head('reused-message-id', 'Reused id', { 'Message-ID': `<good-mail-2@${CORPUS_DOMAIN}>` }), 'Content-Type: text/plain; charset=utf-8', '', 'Not the same mail at all.', '']),
  },
  {
    name: 'redelivered-good-mail-3',
    what: 'good-mail-3 again, byte for byte, stored a second time (a sender that retried after a lost 250)',
    expected: { kind: 'ignored', reason: new RegExp(`^duplicate: <good-mail-3@${CORPUS_DOMAIN.replace(/\./g, '\\.')}> was already applied to `) },
    bytes: () => goodMail('good-mail-3').bytes(),
  },
  {
    name: 'many-long-attachment-names',
    what: "300 one-byte attachments with 2,000-character names (a 700 KB mail whose full listing is over DynamoDB's 400 KB)",
    expected: { kind: 'ticket', subject: 'Many long attachment names', descriptionContains: 'Three hundred files.' },
    bytes: () =>
      crlf([
        ...head('many-long-attachment-names', 'Many long attachment names'),
        'Content-Type: multipart/mixed; boundary="files"',
        '',
        '--files',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Three hundred files.',
        ...Array.from({ length: 300 }, (_, index) => {
          const filename = `${String(index).padStart(3, '0')}-${'long-name-'.repeat(200)}.txt`;
          return ['--files', `Content-Type: text/plain; name="${filename}"`, `Content-Disposition: attachment; filename="${filename}"`, '', 'x'].join(CRLF);
        }),
        '--files--',
        '',
      ]),
  },
  {
    name: 'reply-to-spoof',
    what: "a new mail whose Reply-To names the desk's VIP and whose Cc is the sender itself",
    expected: { kind: 'ticket', subject: 'Reset my password' },
    bytes: () =>
      crlf([
        ...head('reply-to-spoof', 'Reset my password', { 'Reply-To': 'Cora Chief <ceo@example.org>', Cc: senderOf('reply-to-spoof') }),
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Mail me the new one.',
        '',
      ]),
  },
  {
    name: 'forged-staff-from',
    what: 'a reply to good-mail-1 claiming to be from an agent, with no SES verdict that authenticates it',
    expected: { kind: 'comment', on: 'good-mail-1', bodyContains: 'Unverified mail claiming to be from alice.agent@example.com' },
    bytes: () =>
      crlf([
        ...head('forged-staff-from', 'Re: Good mail good-mail-1', { From: 'Alice Agent <alice.agent@example.com>', 'In-Reply-To': `<good-mail-1@${CORPUS_DOMAIN}>` }),
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Please send us your password.',
        '',
      ]),
  },
];
