import { ticketKeyFromReplyAddresses } from '../email/desk-addresses.ts';
import type { InboundMail } from '../email/inbound-mail.ts';
import { threadCandidateIds } from '../email/message-id.ts';
import type { SesVerdicts } from '../email/ses-verdicts.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { TicketStore } from '../ports/ticket-store.ts';

export interface NewParticipantDeps {
  config: ServiceDeskConfig;
  store: Pick<TicketStore, 'findClaim'>;
  /** Verifies the signature of plus-addressed replies. */
  replyAddressSecret: Uint8Array;
}

/**
 * Whether a mail from someone not on the ticket (a colleague the requester copied outside the
 * desk, the person a mail was forwarded to) is a reply on the ticket's own thread, kept on the
 * ticket as an unverified message an agent may accept. Only what a stranger cannot guess counts:
 * In-Reply-To or References naming a mail the desk received or sent on this ticket, or a signed
 * reply address of it; the `[SD-n]` subject token, which anyone can type, does not. A sender whose
 * DMARC failed may be anyone and never appends.
 */
export async function isNewParticipantReply(deps: NewParticipantDeps, ticket: Ticket, mail: InboundMail, verdicts: SesVerdicts): Promise<boolean> {
  if (verdicts.dmarc === 'fail') return false;
  // A signed reply address of any desk: the ticket may have moved since the mail was sent.
  if (ticketKeyFromReplyAddresses(deps.config, [...mail.to, ...mail.cc], deps.replyAddressSecret) === ticket.key) return true;
  for (const id of threadCandidateIds(mail)) {
    const claimed = await deps.store.findClaim('mail', id);
    if (claimed?.ticketKey === ticket.key) return true;
  }
  return false;
}

/** What the history says of a new participant's mail. */
export const NEW_PARTICIPANT_DETAIL = 'unverified mail by email: a reply on the thread from someone not on the ticket; accept the sender to make it public';
