/** What the console's search box was given: a ticket key, a requester's email, or neither. */
export type SearchTarget = { kind: 'ticket'; key: string } | { kind: 'requester'; email: string } | { kind: 'unknown' };

const TICKET_KEY = /^[A-Za-z][A-Za-z0-9]{0,9}-[1-9][0-9]{0,11}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads the search text: `sd-42` is ticket SD-42, `rita@example.org` her tickets, anything else asks again. */
export function searchTarget(text: string): SearchTarget {
  const value = text.trim();
  if (TICKET_KEY.test(value)) return { kind: 'ticket', key: value.toUpperCase() };
  if (EMAIL.test(value)) return { kind: 'requester', email: value };
  return { kind: 'unknown' };
}
