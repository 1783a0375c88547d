import { actorOf, requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { FieldChange, HistoryEvent } from '../domain/history.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import { ForbiddenError, TicketNotResolvedError } from '../errors.ts';
import type { ResolutionBody } from '../http/api-schemas.ts';
import { ticketAfterComment } from './add-comment.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { withVersionRetry } from './version-retry.ts';

const DETAIL = { confirm: 'confirmed by the requester', reopen: 'reopened by the requester' } as const;

/**
 * The requester of a resolved ticket says whether the problem is solved: confirm closes the ticket,
 * reopen sends it back to the desk as a requester's reply does (status, resolution time and SLA
 * clocks alike), with the comment saying what is still wrong. A repeat of the decision that took
 * effect answers with the ticket as it is.
 */
export async function decideResolution(deps: TicketDeps, principal: Principal, key: string, input: ResolutionBody): Promise<Ticket> {
  requireScope(principal, SCOPES.ticketsWrite);
  return withVersionRetry(async () => {
    const { ticket } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
    // Staff of the desk who asked for the ticket themselves still answer as its requester.
    if (principal.kind !== 'user' || principal.email !== ticket.requester.email) {
      throw new ForbiddenError(`Only the requester of ${key} confirms or reopens its resolution`);
    }
    if (ticket.status !== 'resolved') {
      if (ticket.resolutionDecision?.decision === input.decision) return ticket;
      throw new TicketNotResolvedError(`Ticket ${key} is ${ticket.status}, not resolved: there is no resolution to ${input.decision}`, [
        { path: 'status', message: `is ${ticket.status}; only a resolved ticket is confirmed or reopened` },
      ]);
    }

    const now = deps.now().toISOString();
    const actor = actorOf(principal);
    const comment: Comment | undefined = input.comment
      ? {
          id: deps.newId(),
          ticketKey: key,
          author: { email: actor.id, ...(actor.name ? { name: actor.name } : {}), role: 'requester' },
          public: true,
          body: input.comment,
          attachments: [],
          createdAt: now,
        }
      : undefined;
    const { ticket: next, changes } = input.decision === 'reopen' ? ticketAfterComment(ticket, 'requester', true, now) : closed(ticket, now, comment !== undefined);
    next.resolutionDecision = { decision: input.decision, at: now };
    const event: HistoryEvent = {
      id: deps.newId(),
      ticketKey: key,
      at: now,
      actor,
      action: comment ? 'commented' : 'updated',
      changes,
      detail: DETAIL[input.decision],
      ...(comment ? { commentId: comment.id } : {}),
    };
    return deps.store.saveTicket(ticket, next, event, comment);
  });
}

/** The resolved ticket closed on its requester's word; a comment that comes with it is the last public reply. */
function closed(ticket: Ticket, now: string, withComment: boolean): { ticket: Ticket; changes: FieldChange[] } {
  const next: Ticket = { ...ticket, status: 'closed', closedAt: now, updatedAt: now, version: ticket.version + 1 };
  if (withComment) next.lastPublicReply = { by: 'requester', at: now };
  return {
    ticket: next,
    changes: [
      { field: 'status', from: 'resolved', to: 'closed' },
      { field: 'closedAt', from: ticket.closedAt ?? null, to: now },
    ],
  };
}
