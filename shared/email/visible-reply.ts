import EmailReplyParser from 'email-reply-parser';

/**
 * The library's quote-header patterns backtrack badly on long hostile input (cubic: 8,000
 * characters take about 0.25 s, 32,000 about 15 s), so it only ever sees this many characters.
 */
export const MAX_PARSED_REPLY_CHARS = 8_000;

// A ruler line Outlook and webmail put above the quoted header block.
const SEPARATOR = /^\s*(?:-{5,}|_{5,})\s*$/;
// The first line of an Outlook-style header block, `From:` or `*From:*` in common languages.
const HEADER_FROM = /^\s*\*?(?:from|von|de|van|da|fra|från|od|от|lähettäjä|feladó|mittente)\s*:\s*\*?\s*\S/i;
// The line after it: Outlook writes Sent:, Outlook for Mac Date:.
const HEADER_SENT = /^\s*\*?(?:sent|date|gesendet|datum|envoyé|enviado|verzonden|inviato|data|skickat|sendt|wysłano|отправлено|lähetetty)\s*:\s*\*?\s*\S/i;
// A forward keeps its content: it is what the requester wants the desk to read.
const FORWARD_MARKER = /forwarded message|begin forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht/i;
// Mailman's footer below a ruler: `riak-users mailing list`.
const LIST_FOOTER = /\smailing list\s*$/i;
const QUOTED = /^\s*>/;
// An attribution line ends in a colon (full-width in CJK clients).
const ENDS_WITH_COLON = /[:：]\s*$/;
// Where an attribution starts: `On ...`, or at most two words and a number (`Le 4 janv.`, `понедельник, 6`).
const ATTRIBUTION_START = /^\s*(?:On\s|(?:[^\s\d]{1,20}[\s,]+){0,2}\d)/;

const parser = new EmailReplyParser();

/**
 * The new text of a reply: quoted history, attribution lines (`On ... wrote:`) and signatures
 * removed, trimmed. Uses `email-reply-parser` (crisp-oss, maintained, no dependencies, quote
 * headers in many languages), after two linear steps it lacks: cutting at an Outlook header block
 * (`-----` or `_____` ruler, or `From:` followed by `Sent:`) and dropping multi-line or
 * non-English attributions right above a `>` block. Meant for replies to an existing ticket; a new
 * ticket should keep the whole text. Returns '' when the message has no new text.
 */
export function visibleReply(text: string): string {
  const lines = dropAttributions(cutOutlookHistory(text.replace(/\r\n?/g, '\n').split('\n')));
  const prepared = lines.join('\n');
  if (prepared.length <= MAX_PARSED_REPLY_CHARS) return parser.parseReply(prepared).trim();

  const lineEnd = prepared.lastIndexOf('\n', MAX_PARSED_REPLY_CHARS);
  const head = prepared.slice(0, lineEnd > 0 ? lineEnd : MAX_PARSED_REPLY_CHARS);
  const email = parser.read(head);
  // The history started within the head, so what follows is history too; otherwise nothing is cut.
  return email.getFragments().some((fragment) => fragment.isQuoted()) ? email.getVisibleText().trim() : prepared.trim();
}

/** Cuts at the first Outlook-style quoted header block (Outlook puts it below the reply) or mailing-list footer. */
function cutOutlookHistory(lines: string[]): string[] {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (SEPARATOR.test(line)) {
      const next = nextNonBlank(lines, index + 1, 3);
      if (next !== undefined && (HEADER_FROM.test(lines[next] ?? '') || LIST_FOOTER.test(lines[next] ?? ''))) return lines.slice(0, index);
    } else if (HEADER_FROM.test(line) && HEADER_SENT.test(lines[index + 1] ?? '')) {
      const previous = previousNonBlank(lines, index - 1, 2);
      if (previous !== undefined && FORWARD_MARKER.test(lines[previous] ?? '')) continue;
      return lines.slice(0, index);
    }
  }
  return lines;
}

/** Removes attribution lines the library does not know (other languages, split over lines) above a `>` block. */
function dropAttributions(lines: string[]): string[] {
  const drop = new Set<number>();
  for (let index = 1; index < lines.length; index++) {
    if (!QUOTED.test(lines[index] ?? '') || QUOTED.test(lines[index - 1] ?? '')) continue;
    const end = previousNonBlank(lines, index - 1, 2);
    const endLine = end === undefined ? '' : (lines[end] ?? '');
    if (end === undefined || QUOTED.test(endLine) || !ENDS_WITH_COLON.test(endLine)) continue;

    // The attribution starts on the colon line itself, or up to two lines above it (clients wrap it).
    let start: number | undefined = ATTRIBUTION_START.test(endLine) ? end : undefined;
    for (let candidate = end - 1; start === undefined && candidate >= end - 2 && candidate >= 0; candidate--) {
      const candidateLine = lines[candidate] ?? '';
      if (candidateLine.trim() === '' || QUOTED.test(candidateLine)) break;
      if (ATTRIBUTION_START.test(candidateLine)) start = candidate;
    }
    if (start === undefined && /[\d@]/.test(endLine)) start = end;
    if (start !== undefined) for (let line = start; line <= end; line++) drop.add(line);
  }
  return drop.size === 0 ? lines : lines.filter((_line, index) => !drop.has(index));
}

function nextNonBlank(lines: string[], from: number, maxSkipped: number): number | undefined {
  for (let index = from; index < lines.length && index <= from + maxSkipped; index++) {
    if ((lines[index] ?? '').trim() !== '') return index;
  }
  return undefined;
}

function previousNonBlank(lines: string[], from: number, maxSkipped: number): number | undefined {
  for (let index = from; index >= 0 && index >= from - maxSkipped; index--) {
    if ((lines[index] ?? '').trim() !== '') return index;
  }
  return undefined;
}
