import { requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import type { TicketReadDeps } from './ticket-deps.ts';

/** A ticket with its conversation; requesters get the public part only. */
export async function getTicket(deps: TicketReadDeps, principal: Principal, key: string): Promise<{ ticket: Ticket; comments: Comment[] }> {
  requireScope(principal, SCOPES.ticketsRead);
  const activity = await deps.store.getTicketActivity(key);
  const { ticket, access } = requireTicketAccess(principal, activity?.ticket, deps.config, key);
  const comments = (activity?.comments ?? []).filter((comment) => access === 'staff' || comment.public);
  return { ticket, comments };
}
