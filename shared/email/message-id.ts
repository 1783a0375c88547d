const BRACKETED_ID = /<([^<>]*)>/g;
/**
 * RFC 5322 2.1.1: a line is at most 998 characters, so a real id is shorter. A longer one is
 * ignored: it threads nothing, and it would not fit a key of the thread index.
 */
const MAX_ID_OCTETS = 998;

/**
 * The message ids in a Message-ID, In-Reply-To or References value, each in its `<id>` form, in
 * order and without duplicates. Tolerates what real clients send: folded ids, commas, ids without
 * angle brackets, empty values and stray text (RFC 5322 3.6.4 plus the obsolete forms). Ids
 * longer than a header line may be are skipped.
 */
export function messageIds(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  const ids: string[] = [];
  if (text.includes('<')) {
    for (const match of text.matchAll(BRACKETED_ID)) {
      // Folding can put white space inside an id; it is never part of the id itself.
      const id = (match[1] ?? '').replace(/\s+/g, '');
      if (id !== '') ids.push(`<${id}>`);
    }
  } else {
    // Some clients omit the brackets; only tokens that look like ids count then.
    for (const token of text.split(/[\s,]+/)) {
      if (/^[^@\s]+@[^@\s]+$/.test(token)) ids.push(`<${token}>`);
    }
  }
  return [...new Set(ids)].filter((id) => Buffer.byteLength(id, 'utf8') <= MAX_ID_OCTETS);
}

/**
 * The ids a reply refers to, most specific first: In-Reply-To, then References from the newest
 * (last) to the oldest. This is the order in which to look them up in the thread index.
 */
export function threadCandidateIds(mail: { inReplyTo?: string | undefined; references: readonly string[] }): string[] {
  const ids = [...(mail.inReplyTo === undefined ? [] : [mail.inReplyTo]), ...[...mail.references].reverse()];
  return [...new Set(ids)];
}
