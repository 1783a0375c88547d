// Reply and forward prefixes of common clients and languages (Re, Fwd, AW, WG, SV, VS, TR, ...), with counters like Re[2]:.
const REPLY_PREFIXES = /^(?:\s*(?:re|fwd?|aw|wg|sv|vs|tr|antw|odp|res|enc|rif|r)(?:\s*\[\d+\]|\s*\(\d+\))?\s*[:：]\s*)+/i;
const TICKET_KEY = /^([A-Z][A-Z0-9]{0,9})-([1-9]\d{0,11})$/;

/**
 * The ticket key in a subject's `[SD-123]` token, upper-cased, or undefined when there is none.
 * The prefix comes from the config; matching ignores case and white space inside the brackets,
 * so `Re: Fwd: [sd-123] Printer` finds SD-123. With several tokens the first one counts.
 */
export function ticketKeyFromSubject(subject: string, prefix: string): string | undefined {
  const match = tokenPattern(prefix, '').exec(subject);
  return match?.[1] === undefined ? undefined : `${prefix.toUpperCase()}-${match[1]}`;
}

/**
 * The subject with the ticket's `[SD-123]` token, added once: a subject that already carries it is
 * returned as it is, a token of another ticket with the same prefix is replaced, and existing
 * `Re:` / `Fwd:` prefixes stay in front (`Re: [SD-1] Printer jams`).
 */
export function subjectWithToken(subject: string, key: string): string {
  const keyMatch = TICKET_KEY.exec(key.toUpperCase());
  if (keyMatch?.[1] === undefined) throw new Error(`Not a ticket key: ${key}`);
  const prefix = keyMatch[1];
  const normalisedKey = key.toUpperCase();
  if (ticketKeyFromSubject(subject, prefix) === normalisedKey) return subject;

  const token = `[${normalisedKey}]`;
  const withoutOtherTokens = subject
    .replace(tokenPattern(prefix, 'g'), ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  const replyPrefix = REPLY_PREFIXES.exec(withoutOtherTokens)?.[0] ?? '';
  const rest = withoutOtherTokens.slice(replyPrefix.length).trim();
  return [replyPrefix.trim(), token, rest].filter((part) => part !== '').join(' ');
}

function tokenPattern(prefix: string, flags: string): RegExp {
  // The prefix is validated by the config schema; escaping keeps the pattern safe anyway.
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\[\\s*${escaped}-([1-9]\\d{0,11})\\s*\\]`, `i${flags}`);
}
