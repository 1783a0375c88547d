import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/**
 * Raw 8-bit header bytes (no RFC 2047 encoding), as old clients and gateways still send them in
 * Windows-1251, ISO-8859-1, GB2312 or Shift_JIS. mailparser reads them as UTF-8 (U+FFFD) or, in
 * file names, as Latin-1 (mojibake). Here they are decoded one way: UTF-8 when the bytes are valid
 * UTF-8, else the charset the body declares, else the charset a detector finds.
 */

/** How far into the mail the body's charset is looked for; a text part's header comes early. */
const CHARSET_SCAN_BYTES = 256 * 1024;
// Charsets that say nothing about 8-bit bytes that are not UTF-8.
const UNINFORMATIVE = new Set(['us-ascii', 'ascii', 'utf-8', 'utf8']);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The charset the message declares for its text: the top-level Content-Type, else the first text part's. */
export function declaredTextCharset(raw: Buffer): string | undefined {
  const start = raw
    .subarray(0, CHARSET_SCAN_BYTES)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  for (const match of start.matchAll(/^content-type:[ \t]*([^\r\n]*)/gim)) {
    const value = match[1]!;
    if (!/^(text\/|multipart\/)/i.test(value.trim())) continue;
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(value)?.[1]?.toLowerCase();
    if (charset !== undefined && !UNINFORMATIVE.has(charset) && iconv.encodingExists(charset)) return charset;
  }
  return undefined;
}

/** True when the bytes hold one above 0x7f. */
export function hasEightBitBytes(bytes: Buffer): boolean {
  return bytes.some((byte) => byte > 0x7f);
}

/** True when the bytes are well-formed UTF-8. */
export function isUtf8(bytes: Buffer): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The charset to read non-UTF-8 raw header bytes in: the declared text charset, else the detector's
 * most likely charset that decodes `sample` without a replacement character, else Windows-1252
 * (which decodes every byte).
 */
export function rawHeaderCharset(sample: Buffer, declared: string | undefined): string {
  if (declared !== undefined) return declared;
  const candidate = analyse(sample)
    .map((match) => match.name.toLowerCase())
    .find((name) => !UNINFORMATIVE.has(name) && iconv.encodingExists(name) && !iconv.decode(sample, name).includes('\uFFFD'));
  return candidate ?? 'windows-1252';
}

/** Decodes raw header bytes: as UTF-8 when they are valid UTF-8, else in `charset`. */
export function decodeRawHeaderBytes(bytes: Buffer, charset: string): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, charset);
}

/** A message prepared for the parser: its header fields in UTF-8, and the charset its raw header bytes were read in. */
export interface Utf8HeadedMail {
  raw: Buffer;
  /** Undefined when no top-level field had raw bytes that are not UTF-8. */
  charset?: string;
}

/**
 * The message with the raw 8-bit bytes of its top-level header fields re-encoded as UTF-8, which
 * mailparser then reads correctly (RFC 6532). Fields that are ASCII or valid UTF-8 and the body
 * are left byte for byte; the stored raw mail is never changed, only what is parsed. All foreign
 * fields are read in one charset, detected over all of them: one client wrote them.
 */
export function withUtf8Headers(raw: Buffer): Utf8HeadedMail {
  const headEnd = endOfHead(raw);
  const head = raw.subarray(0, headEnd);
  if (!hasEightBitBytes(head) || isUtf8(head)) return { raw };

  const fields = splitFields(head);
  const foreign = fields.filter((field) => hasEightBitBytes(field) && !isUtf8(field));
  const charset = rawHeaderCharset(Buffer.concat(foreign.map(fieldValue)), declaredTextCharset(raw));
  const transcoded = fields.map((field) => (foreign.includes(field) ? Buffer.from(iconv.decode(field, charset), 'utf8') : field));
  return { raw: Buffer.concat([...transcoded, raw.subarray(headEnd)]), charset };
}

/** Where the header section ends: at the empty line (CRLF CRLF or LF LF), or the end of the bytes. */
function endOfHead(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((index) => index !== -1);
  return ends.length === 0 ? raw.length : Math.min(...ends);
}

/** The header section cut into fields, each with its folded continuation lines and line ends. */
function splitFields(head: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let index = head.indexOf(0x0a); index !== -1; index = head.indexOf(0x0a, index + 1)) {
    const next = head[index + 1];
    // A line that starts with white space continues the field (RFC 5322 2.2.3).
    if (next === 0x20 || next === 0x09) continue;
    fields.push(head.subarray(start, index + 1));
    start = index + 1;
  }
  if (start < head.length) fields.push(head.subarray(start));
  return fields;
}

function fieldValue(field: Buffer): Buffer {
  const colon = field.indexOf(0x3a);
  return colon === -1 ? field : field.subarray(colon + 1);
}
