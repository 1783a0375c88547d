import { actorOf, requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import { receivingDomains } from '../email/desk-addresses.ts';
import { copyPeople } from '../domain/watchers.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { withVersionRetry } from './version-retry.ts';

export interface AcceptSenderResult {
  comment: Comment;
  ticket: Ticket;
  /** False when the sender had been accepted already: nothing changed. */
  accepted: boolean;
}

/**
 * Accepts the sender of a new participant's mail (a reply on the ticket's own thread from someone
 * not on it): they become a watcher, who gets the public replies and may answer by mail, and their
 * mail becomes a public reply on the requester's side, in one write with its history event. Only
 * staff who may change the ticket accept, and only a new participant's mail: unauthenticated mail
 * claiming to come from staff never turns public this way. Accepting again changes nothing.
 * Like a watcher's mail, the accepted one is not mailed on; the next agent reply reaches them all.
 */
export async function acceptSender(deps: TicketDeps, principal: Principal, key: string, commentId: string): Promise<AcceptSenderResult> {
  requireScope(principal, SCOPES.ticketsWrite);
  return withVersionRetry(async () => {
    const { ticket, access } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
    if (access !== 'staff') throw new ForbiddenError("Only staff of the ticket's desk accept a sender");
    const comment = await deps.store.getComment(key, commentId);
    if (!comment) throw new NotFoundError(`Ticket ${key} has no comment ${commentId}`);
    if (comment.acceptedSender) return { comment, ticket, accepted: false };
    if (comment.kind !== 'unverified' || comment.unverified?.reason !== 'new_participant') {
      throw new ConflictError(`Comment ${commentId} is not a mail from a new participant; only such a sender can be accepted`);
    }
    if (ticket.status === 'closed') throw new ConflictError(`Ticket ${key} is closed; open a follow-up ticket`);
    const sender = comment.unverified.sender;
    const copied = copyPeople(ticket, [sender], receivingDomains(deps.config));
    if (copied.problems.length)
      throw new ValidationError(
        `The sender ${sender} cannot be added as a watcher`,
        copied.problems.map((problem) => ({ ...problem, path: 'sender' })),
      );
    const now = deps.now().toISOString();
    const actor = actorOf(principal);
    const { kind: _kind, unverified: _unverified, ...rest } = comment;
    const made: Comment = { ...rest, public: true, author: { ...comment.author, role: 'requester' }, acceptedSender: { sender, by: actor.id, at: now } };
    const next: Ticket = { ...ticket, watchers: copied.watchers, updatedAt: now, version: ticket.version + 1 };
    const changes = [...(copied.added.length ? [{ field: 'watchers', from: ticket.watchers ?? [], to: copied.watchers }] : []), { field: 'comment.public', from: false, to: true }];
    const event = {
      id: deps.newId(),
      ticketKey: key,
      at: now,
      actor,
      action: 'updated' as const,
      changes,
      commentId,
      detail: `accepted ${sender}, who wrote on the thread by mail: now a watcher, their mail public`,
    };
    const saved = await deps.store.saveChangedComment(ticket, next, event, made);
    return { comment: made, ticket: saved, accepted: true };
  });
}
