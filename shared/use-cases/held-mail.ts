import { blockCandidates, closestBlock } from '../email/blocked-sender.ts';
import type { MailBlocklist } from '../ports/mail-blocklist.ts';
import type { NewTicketLimiter } from '../ports/new-ticket-limiter.ts';

/** New tickets one sender's mail opens per hour when the configuration names no limit. */
export const DEFAULT_NEW_TICKETS_PER_HOUR = 20;

/** The quarantine reason of mail the flood limit holds. */
export const FLOOD_REASON = 'flood';

/**
 * Why mail from `sender` is held by the blocklist, or undefined when no entry covers it: the
 * sender's own entry and those of its domain and parent domains are read in one round trip.
 */
export async function blockedSenderHold(blocklist: MailBlocklist, sender: string): Promise<string | undefined> {
  const candidates = blockCandidates(sender);
  const entry = closestBlock(candidates, await blocklist.find(candidates));
  if (!entry) return undefined;
  return entry.kind === 'sender' ? 'the sender is blocked' : `the domain ${entry.value} is blocked`;
}

/**
 * Why a new ticket from `sender` is held by the flood limit, or undefined while the sender's hour
 * has room. Only mail that would open a ticket is counted: replies on a thread never are.
 */
export async function floodHold(deps: { newTickets: NewTicketLimiter }, sender: string, mailKey: string, at: Date, perHour: number): Promise<string | undefined> {
  if (await deps.newTickets.allow(sender, mailKey, at, perHour)) return undefined;
  return `more than ${perHour} new tickets from this sender in the hour ${at.toISOString().slice(0, 13)}:00 UTC; held for an admin to release`;
}
