/**
 * The one place where text from outside (API bodies, inbound mail, values written into outbound
 * mail headers) is made safe to store and show: Unicode NFC, no control characters, no bidi
 * embeddings, overrides or isolates (`\u202Etxt.exe` would show as `exe.txt`), no invisible
 * zero-width characters.
 */

// C0 and C1 controls and DEL, except tab and the line breaks, which each function handles itself.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Bidi embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI). The marks
// LRM, RLM and ALM stay: they cannot reverse a run of text, and right-to-left writing needs them.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// Invisible characters that only hide or split words: zero-width space, word joiner, BOM,
// Mongolian vowel separator, and the joiners where no script or emoji sequence needs them.
const INVISIBLE = /[\u200b\u2060\ufeff\u180e]/g;
// ZWNJ and ZWJ are kept between two non-ASCII letters or marks (Persian, Indic scripts) and ZWJ
// between emoji (👩‍💻, 🏳️‍🌈); elsewhere, e.g. inside a Latin word, they only disguise it.
const JOINER = /[\u200c\u200d]/gu;
const JOINED_LETTER = /(?!\p{ASCII})[\p{L}\p{M}]/u;
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}]|\ufe0f/u;
const EMOJI_AFTER = /\p{Extended_Pictographic}/u;
// Every way of breaking a line: CRLF, CR, LF, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
// A run of line breaks and tabs with the blanks around it, in a one-line value.
const ONE_LINE_BREAKS = /[ \t]*(?:\r\n|[\t\n\r\v\f\u0085\u2028\u2029])+[ \t]*/g;

/**
 * A value meant to be one line (subject, display name, file name, tag): NFC, controls, bidi
 * controls and invisible characters removed, each run of line breaks and tabs (with the blanks
 * around it) turned into one space. Leading and trailing white space is kept; callers trim.
 */
export function oneLineText(value: string): string {
  return common(value).replace(ONE_LINE_BREAKS, ' ');
}

/**
 * A value with lines (description, comment body): as {@link oneLineText} but line breaks are kept
 * as `\n` (CRLF, CR, NEL, U+2028 and U+2029 become `\n`) and tabs stay.
 */
export function multiLineText(value: string): string {
  return common(value).replace(LINE_BREAK, '\n');
}

function common(value: string): string {
  const stripped = value.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(INVISIBLE, '');
  // NFC last: removing a character can bring a letter and its combining mark together.
  return stripped.replace(JOINER, (joiner, offset: number, whole: string) => (joinerNeeded(joiner, whole, offset) ? joiner : '')).normalize('NFC');
}

function joinerNeeded(joiner: string, whole: string, offset: number): boolean {
  const before = codePointBefore(whole, offset);
  const after = String.fromCodePoint(whole.codePointAt(offset + joiner.length) ?? 0x20);
  if (JOINED_LETTER.test(before) && JOINED_LETTER.test(after)) return true;
  return joiner === '\u200d' && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after);
}

function codePointBefore(text: string, offset: number): string {
  if (offset === 0) return ' ';
  const low = text.charCodeAt(offset - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0x20);
}
