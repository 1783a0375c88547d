/** One top-level header line as it arrived: lower-cased name, unfolded raw value (not RFC 2047 decoded). */
export interface MailHeader {
  name: string;
  value: string;
}

/**
 * The top-level headers of a message in their original order, topmost first. Order matters:
 * receiving servers prepend their headers, so the first occurrence is the most trusted one.
 */
export type MailHeaders = readonly MailHeader[];

/** Builds {@link MailHeaders} from raw header lines (`Name: value`, possibly folded). */
export function mailHeadersFromLines(lines: readonly { key: string; line: string }[]): MailHeaders {
  return lines.map(({ key, line }) => {
    const colon = line.indexOf(':');
    const value = colon === -1 ? '' : line.slice(colon + 1);
    // Unfolding (RFC 5322 2.2.3): a line break followed by white space is part of the value.
    return { name: key.toLowerCase(), value: value.replace(/\r?\n(?=[ \t])/g, '').trim() };
  });
}

/** Every value of a header, topmost first; the name is matched case-insensitively. */
export function headerValues(headers: MailHeaders, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((header) => header.name === wanted).map((header) => header.value);
}

/** The topmost value of a header, or undefined when it is absent. */
export function firstHeader(headers: MailHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find((header) => header.name === wanted)?.value;
}
