import { simpleParser } from 'mailparser';

// A delimiter line (`--boundary`) and the part headers under it, up to the empty line.
const PART_START = /(?:^|\n)(--[^\r\n]*)\r?\n((?:[^\r\n]+\r?\n)+?)\r?\n/g;
const TEXT_PLAIN = /^content-type:[ \t]*text\/plain\b/im;
/** How much of the mail is searched for the part: a text part comes early. */
const SCAN_BYTES = 1024 * 1024;

/**
 * The text of the first text/plain part, found in the raw bytes for when the parser found none:
 * a broken fold (`Content-Type: multipart/mixed;` with `boundary=...` on an unindented next line)
 * or a missing boundary parameter hides every part from the parser. The part runs from its
 * delimiter line to the next line with the same delimiter; its own headers (charset,
 * Content-Transfer-Encoding) are decoded by the parser. Undefined when there is no such part.
 */
export async function rawTextPart(raw: Buffer): Promise<string | undefined> {
  const source = raw.subarray(0, SCAN_BYTES).toString('latin1');
  const bodyStart = /\r?\n\r?\n/.exec(source);
  if (bodyStart === null) return undefined;
  const body = source.slice(bodyStart.index + bodyStart[0].length);

  for (const part of body.matchAll(PART_START)) {
    const [whole, delimiter, headers] = part as unknown as [string, string, string];
    if (!TEXT_PLAIN.test(headers)) continue;
    const rest = body.slice(part.index + whole.length);
    const end = rest.search(new RegExp(`^${escape(delimiter)}`, 'm'));
    const content = end === -1 ? rest : rest.slice(0, end);
    const parsed = await simpleParser(Buffer.from(`${headers}\r\n${content}`, 'latin1'), { skipHtmlToText: true, skipTextToHtml: true });
    const text = parsed.text?.replace(/\s+$/, '');
    return text === undefined || text === '' ? undefined : text;
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
