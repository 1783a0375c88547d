/**
 * Senders the desk refuses: a single address, or a whole domain with its subdomains. Pure rules;
 * the entries themselves are table items (shared/ports/mail-blocklist.ts).
 */

export const BLOCK_KINDS = ['sender', 'domain'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** What a block names: `{ kind: 'sender', value: 'robot@example.org' }` or `{ kind: 'domain', value: 'example.org' }`. */
export interface BlockTarget {
  kind: BlockKind;
  /** Lower case; a domain without a trailing dot. */
  value: string;
}

/** The quarantine reason of mail a block holds. */
export const BLOCKED_REASON = 'blocked';

/** A domain name of at least two labels, letters, digits and hyphens (IDN in its xn-- form). */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const isBlockableDomain = (domain: string): boolean => DOMAIN.test(domain);

/**
 * Every entry that would hold mail from `address`: the address itself, its domain and each parent
 * domain down to two labels (`a@mail.corp.example.org` is held by `corp.example.org` too), so one
 * batch read answers whether it is blocked. A top-level domain alone is never a candidate.
 */
export function blockCandidates(address: string): BlockTarget[] {
  const sender = address.toLowerCase();
  const at = sender.lastIndexOf('@');
  if (at < 0) return [{ kind: 'sender', value: sender }];
  const labels = sender
    .slice(at + 1)
    .replace(/\.$/, '')
    .split('.');
  const domains = labels.slice(0, -1).map((_label, index) => labels.slice(index).join('.'));
  return [{ kind: 'sender', value: sender }, ...domains.map((value) => ({ kind: 'domain' as const, value }))];
}

/** The entry that holds a mail when several match: the sender's own before its domain, the closest domain first. */
export function closestBlock<T extends BlockTarget>(candidates: readonly BlockTarget[], found: readonly T[]): T | undefined {
  for (const candidate of candidates) {
    const match = found.find((entry) => entry.kind === candidate.kind && entry.value === candidate.value);
    if (match) return match;
  }
  return undefined;
}
