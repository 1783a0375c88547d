import type { DeskMailbox } from './desk-addresses.ts';
import { deliverableRecipients, type LeftOutRecipient, type UndeliverableMark } from './mail-recipients.ts';
import { subjectWithToken } from './ticket-token.ts';

/** What a notification needs to be addressed: its recipients, subject and ticket. */
export interface AddressableMail {
  ticketKey?: string;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
}

/** The envelope of a mail as it goes out: sender, recipients, subject, and who it leaves out. */
export interface OutgoingEnvelope {
  from: { address: string; name?: string };
  to: string[];
  cc: string[];
  subject: string;
  leftOut: LeftOutRecipient[];
}

/**
 * How a notification goes out from a desk's mailbox (see deskMailbox): the recipients without those SES cannot
 * send to or marked undeliverable, and the subject with the ticket's token. The notification
 * sender and the reply preview both address mail with this, so the preview shows what is sent.
 */
export function outgoingEnvelope(desk: DeskMailbox, mail: AddressableMail, marks: readonly UndeliverableMark[]): OutgoingEnvelope {
  const { to, cc, leftOut } = deliverableRecipients(mail, marks);
  return {
    from: { address: desk.address, ...(desk.name ? { name: desk.name } : {}) },
    to,
    cc,
    subject: mail.ticketKey ? subjectWithToken(mail.subject, mail.ticketKey) : mail.subject,
    leftOut,
  };
}
