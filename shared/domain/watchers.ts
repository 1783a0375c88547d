import { unmailableReason } from '../email/mailable-address.ts';
import type { ErrorDetail } from '../errors.ts';
import type { Ticket } from './ticket.ts';

/** A ticket keeps at most this many people copied on its mail: its item must stay within DynamoDB's limit. */
export const MAX_WATCHERS = 50;

/** The people a reply copies, as the ticket's watchers then stand. */
export interface CopiedPeople {
  /** The ticket's watchers with the new ones added after them. */
  watchers: string[];
  /** Those of the copied people who were not watchers yet, in the order given. */
  added: string[];
  /** What is wrong with the copied addresses, by `cc[i]` or `cc`; empty when nothing is. */
  problems: ErrorDetail[];
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The watchers of a ticket once a staff reply copies `cc` (lower-cased addresses): the requester
 * (already its main recipient), present watchers and repeats are passed over. An address SES
 * cannot send to, or one on a domain the desk receives (`deskDomains`: copying it would open a
 * ticket), is a problem named by its index, as is a total over MAX_WATCHERS.
 */
export function copyPeople(ticket: Ticket, cc: readonly string[], deskDomains: readonly string[]): CopiedPeople {
  const present = ticket.watchers ?? [];
  const own = new Set([ticket.requester.email, ...(ticket.requester.replyTo ? [ticket.requester.replyTo] : []), ...present].map((address) => address.toLowerCase()));
  const problems: ErrorDetail[] = [];
  const added: string[] = [];
  cc.forEach((address, index) => {
    const unmailable = unmailableReason(address);
    if (unmailable) problems.push({ path: `cc[${index}]`, message: `the desk cannot mail ${address}: ${unmailable}` });
    else if (deskDomains.includes(domainOf(address))) {
      const deskDomain = domainOf(address);
      problems.push({ path: `cc[${index}]`, message: `the desk receives the mail of ${deskDomain} itself; copying ${address} would open a ticket` });
    } else if (!own.has(address) && !added.includes(address)) added.push(address);
  });
  if (present.length + added.length > MAX_WATCHERS) {
    problems.push({ path: 'cc', message: `the ticket has ${present.length} people copied and may have at most ${MAX_WATCHERS}; copy at most ${Math.max(MAX_WATCHERS - present.length, 0)} more` });
  }
  return { watchers: [...present, ...added], added, problems };
}
