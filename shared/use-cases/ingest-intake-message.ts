import type { ClientPrincipal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import type { IntakeMessage } from '../intake/intake-message.ts';
import { AlreadyRecordedError } from '../ports/ticket-store.ts';
import { ticketAfterComment } from './add-comment.ts';
import type { AssignmentDeps } from './choose-assignee.ts';
import { createTicket } from './create-ticket.ts';
import { withVersionRetry } from './version-retry.ts';

/** External ids and deliveries are remembered a year: a repeat after that opens a new ticket. */
const REMEMBER_SECONDS = 365 * 86_400;
/** Tickets one external id has opened and seen resolved, followed at most: beyond, a new one opens. */
const MAX_CHAIN = 50;

export type IntakeOutcome = { outcome: 'created' | 'appended' | 'duplicate'; ticketKey: string };

/**
 * Turns one intake message into a ticket, or into an internal note on the ticket its external id
 * opened while that ticket is still active. A resolved or closed ticket is not reopened by a
 * repeat: the repeat opens a new ticket, which the external id then leads to. Each delivery is
 * applied once: a redelivered message finds its own ticket or its own note.
 */
export async function ingestIntakeMessage(deps: AssignmentDeps, message: IntakeMessage, deliveryId: string): Promise<IntakeOutcome> {
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + REMEMBER_SECONDS;
  for (let attempt = 1; ; attempt++) {
    const { ticket, nextClaimKey } = await latestTicketOf(deps, message);
    if (ticket?.intake?.deliveryId === deliveryId) return { outcome: 'duplicate', ticketKey: ticket.key };
    if (ticket && ticket.status !== 'resolved' && ticket.status !== 'closed') {
      return appendRepeat(deps, ticket.key, message, { caller: 'intake-delivery', key: deliveryId, expiresAt });
    }
    const principal: ClientPrincipal = { kind: 'client', clientId: `intake:${message.source}`, scopes: [SCOPES.ticketsWrite] };
    const result = await createTicket(deps, principal, message.ticket, {
      channel: 'intake',
      claim: { caller: 'intake', key: nextClaimKey, expiresAt },
      intake: { source: message.source, externalId: message.externalId, deliveryId },
    });
    if (result.created || result.ticket.intake?.deliveryId === deliveryId) return { outcome: result.created ? 'created' : 'duplicate', ticketKey: result.ticket.key };
    // Another delivery of the same external id opened the ticket first: this one appends to it.
    if (attempt >= 3) throw new Error(`Intake ${message.source}/${message.externalId} kept racing other deliveries`);
  }
}

/**
 * The newest ticket of an external id, and the claim key the next new ticket of it takes. The
 * first ticket claims `<source>:<id>`; a ticket opened after that one was resolved claims
 * `<source>:<id>#<previous key>`, so the chain is followed one read per ticket.
 */
async function latestTicketOf(deps: AssignmentDeps, message: IntakeMessage): Promise<{ ticket?: Ticket; nextClaimKey: string }> {
  const base = `${message.source}:${message.externalId}`;
  let claimKey = base;
  let ticket: Ticket | undefined;
  for (let step = 0; step < MAX_CHAIN; step++) {
    const key = (await deps.store.findClaim('intake', claimKey))?.ticketKey;
    if (!key) return { ...(ticket ? { ticket } : {}), nextClaimKey: claimKey };
    ticket = await deps.store.getTicket(key);
    if (!ticket) throw new Error(`Intake claim ${claimKey} points at missing ticket ${key}`);
    claimKey = `${base}#${key}`;
  }
  return { ...(ticket ? { ticket } : {}), nextClaimKey: claimKey };
}

/** A repeat is noted for the agents (internal), with what the sender said this time. */
async function appendRepeat(deps: AssignmentDeps, key: string, message: IntakeMessage, claim: { caller: string; key: string; expiresAt: number }): Promise<IntakeOutcome> {
  try {
    await withVersionRetry(async () => {
      const ticket = (await deps.store.getTicket(key))!;
      const now = deps.now().toISOString();
      const author = `intake:${message.source}`;
      const text = [message.ticket.subject, message.ticket.description].filter(Boolean).join('\n\n');
      const comment: Comment = {
        id: deps.newId(),
        ticketKey: key,
        author: { email: author, role: 'system' },
        public: false,
        body: `Repeated by ${message.source} (${message.externalId}):\n${text}`,
        attachments: [],
        createdAt: now,
      };
      const { ticket: next, changes } = ticketAfterComment(ticket, 'system', false, now);
      await deps.store.saveTicket(
        ticket,
        next,
        { id: deps.newId(), ticketKey: key, at: now, actor: { kind: 'client', id: author }, action: 'commented', changes, commentId: comment.id, detail: 'by intake' },
        comment,
        undefined,
        claim,
      );
    });
  } catch (error) {
    if (error instanceof AlreadyRecordedError) return { outcome: 'duplicate', ticketKey: key };
    throw error;
  }
  return { outcome: 'appended', ticketKey: key };
}
