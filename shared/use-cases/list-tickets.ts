import { isStaff, requireScope, staffDesks } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Ticket } from '../domain/ticket.ts';
import { statusesOf } from '../domain/ticket-status.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import type { ListTicketsQuery } from '../http/api-schemas.ts';
import type { Page, TicketListQuery } from '../ports/ticket-store.ts';
import { deskById } from './desk-assignment.ts';
import type { TicketDeps } from './ticket-deps.ts';

/**
 * Lists tickets: a desk's queue, an agent's work or a requester's tickets, by priority then age
 * (a requester's own list newest first). Requesters only ever list their own tickets; staff only
 * their desks' tickets; with no filter, staff get their own assigned work.
 */
export async function listTickets(deps: TicketDeps, principal: Principal, query: ListTicketsQuery): Promise<Page<Ticket>> {
  requireScope(principal, SCOPES.ticketsRead);
  const base = {
    statuses: statusesOf(query.status),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.sla ? { sla: query.sla } : {}),
  };
  if (query.desk) deskById(deps.config, query.desk);

  const assignee = query.assignee === 'me' ? selfEmail(principal, 'assignee') : query.assignee;

  if (principal.kind === 'user' && !isStaff(principal)) {
    const email = selfEmail(principal, 'requester');
    if (query.requester && query.requester !== email) {
      throw new ForbiddenError('Requesters list only their own tickets', [{ path: 'requester', message: 'must be your own email or left out' }]);
    }
    return deps.store.listTickets(withFilters({ ...base, requester: email }, query.desk, assignee));
  }

  const visibleDesks = staffDesks(principal, deps.config);
  if (query.desk && !visibleDesks.includes(query.desk)) {
    throw new ForbiddenError(`You do not work desk ${query.desk}`, [{ path: 'desk', message: `you work ${visibleDesks.join(', ') || 'no desk'}` }]);
  }
  let selection: TicketListQuery = withFilters({ ...base, visibleDesks }, query.desk, assignee);
  if (query.requester) selection = { ...selection, requester: query.requester };
  if (!selection.desk && !selection.assignee && !selection.requester) {
    if (principal.kind === 'client') {
      throw new ValidationError('Say which tickets to list', [{ path: 'desk', message: 'give desk, assignee or requester' }]);
    }
    selection = { ...selection, assignee: selfEmail(principal, 'assignee') };
  }
  return deps.store.listTickets(selection);
}

function withFilters(query: TicketListQuery, desk?: string, assignee?: string): TicketListQuery {
  return { ...query, ...(desk ? { desk } : {}), ...(assignee ? { assignee } : {}) };
}

function selfEmail(principal: Principal, field: string): string {
  if (principal.kind === 'user' && principal.email) return principal.email;
  throw new ValidationError(`${field} needs a signed-in person with a verified email`, [
    { path: field, message: principal.kind === 'client' ? 'a machine client has no own tickets; name the person' : 'your email is not verified' },
  ]);
}
