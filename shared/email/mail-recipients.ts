import { mailableAddress, unmailableReason } from './mailable-address.ts';

/** Why a mail leaves an address out: SES cannot send to it, it bounced for good, or the mail is not sent at all. */
export const LEFT_OUT_REASONS = ['unmailable', 'undeliverable', 'not_mailed'] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

/** An address a mail leaves out, why, and that in words. */
export interface LeftOutRecipient {
  address: string;
  reason: LeftOutReason;
  detail: string;
}

/** Why an address gets no more mail: the hard bounce of a notification sent to it. */
export interface UndeliverableMark {
  address: string;
  /** When the bounce came in (ISO-8601). */
  bouncedAt: string;
  /** The enhanced status code of the bounce, e.g. 5.1.1. */
  status?: string;
  /** What the remote server said. */
  diagnostic?: string;
  /** The ticket whose notification bounced. */
  ticketKey: string;
}

/** Who a mail goes to, and who it leaves out. */
export interface MailRecipients {
  to: string[];
  cc: string[];
  leftOut: LeftOutRecipient[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The addresses SES can send to, in the form it sends them (an internationalised domain in
 * punycode), each once; those it cannot are left out with the reason. When no main recipient is
 * left, the copies move up to To, so the people copied still get the mail.
 */
export function mailableRecipients(to: readonly string[], cc: readonly string[]): MailRecipients {
  const leftOut: LeftOutRecipient[] = [];
  const kept: string[] = [];
  const keep = (addresses: readonly string[]) =>
    addresses.flatMap((address) => {
      const reason = unmailableReason(address);
      if (reason !== undefined) {
        leftOut.push({ address, reason: 'unmailable', detail: `SES cannot send to it: ${reason}` });
        return [];
      }
      const ascii = mailableAddress(address)!;
      if (kept.some((other) => same(other, ascii))) return [];
      kept.push(ascii);
      return [ascii];
    });
  const main = keep(to);
  const copies = keep(cc);
  return main.length ? { to: main, cc: copies, leftOut } : { to: copies, cc: [], leftOut };
}

/**
 * The recipients left once the addresses with an undeliverable mark (a hard bounce) are taken out
 * too, each with the date of its bounce; the copies move up to To as above.
 */
export function deliverableRecipients(recipients: { to: readonly string[]; cc: readonly string[] }, marks: readonly UndeliverableMark[]): MailRecipients {
  const marked = (address: string) => marks.find((mark) => same(mark.address, address));
  const leftOut: LeftOutRecipient[] = [];
  const unmarked = (addresses: readonly string[]) =>
    addresses.filter((address) => {
      const mark = marked(address);
      if (!mark) return true;
      // The bounce's diagnostic and ticket stay out: the mark may come from a ticket the reader may not see.
      const status = mark.status ? ` (${mark.status})` : '';
      leftOut.push({ address, reason: 'undeliverable', detail: `mail to it bounced for good on ${mark.bouncedAt.slice(0, 10)}${status}; it gets no mail until its owner writes in again` });
      return false;
    });
  const mailable = mailableRecipients(unmarked(recipients.to), unmarked(recipients.cc));
  return { ...mailable, leftOut: [...leftOut, ...mailable.leftOut] };
}
