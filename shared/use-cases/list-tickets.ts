import { isStaff, requireScope, staffDesks } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Ticket } from '../domain/ticket.ts';
import { statusesOf } from '../domain/ticket-status.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import type { ListTicketsQuery } from '../http/list-query-schemas.ts';
import { MAX_LIST_PARTITIONS, type Page, type TicketListQuery } from '../ports/ticket-store.ts';
import { callerEmail } from './caller-email.ts';
import { deskById } from './desk-assignment.ts';
import { listFilters } from './ticket-list-filters.ts';
import type { TicketReadDeps } from './ticket-deps.ts';

/**
 * Lists tickets: a desk's queue, an agent's work or a requester's tickets, by priority then age or
 * by the nearest SLA deadline (a requester's own list newest first). Requesters only ever list
 * their own tickets; staff only their desks' tickets; with no filter, staff get their own work.
 */
export async function listTickets(deps: TicketReadDeps, principal: Principal, query: ListTicketsQuery): Promise<Page<Ticket>> {
  requireScope(principal, SCOPES.ticketsRead);
  const statuses = statusesOf(query.status);
  const base = {
    statuses,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.sla ? { sla: query.sla } : {}),
    ...listFilters(deps.config, query, statuses),
  };
  if (query.desk) deskById(deps.config, query.desk);

  const assignee = query.assignee === 'me' ? callerEmail(principal, 'assignee') : query.assignee;

  if (principal.kind === 'user' && !isStaff(principal)) {
    const email = callerEmail(principal, 'requester');
    if (query.requester && query.requester !== email) {
      throw new ForbiddenError('Requesters list only their own tickets', [{ path: 'requester', message: 'must be your own email or left out' }]);
    }
    refuseOrderOfRequesterList(query.order);
    return deps.store.listTickets(withFilters({ ...base, requester: email }, query.desk, assignee));
  }

  const visibleDesks = staffDesks(principal, deps.config);
  if (query.desk && !visibleDesks.includes(query.desk)) {
    throw new ForbiddenError(`You do not work desk ${query.desk}`, [{ path: 'desk', message: `you work ${visibleDesks.join(', ') || 'no desk'}` }]);
  }
  let selection: TicketListQuery = withFilters({ ...base, visibleDesks }, query.desk, assignee);
  if (query.requester) {
    refuseOrderOfRequesterList(query.order);
    selection = { ...selection, requester: query.requester };
  }
  if (!selection.desk && !selection.assignee && !selection.requester) {
    if (principal.kind === 'client') {
      throw new ValidationError('Say which tickets to list', [{ path: 'desk', message: 'give desk, assignee or requester' }]);
    }
    selection = { ...selection, assignee: callerEmail(principal, 'assignee') };
  }
  // An assignee's work by due date merges the due partitions of every desk the caller sees.
  if (selection.order === 'due' && !selection.desk && visibleDesks.length > MAX_LIST_PARTITIONS) {
    throw new ValidationError('Due order of work across so many desks cannot be paged', [{ path: 'order', message: `due order covers at most ${MAX_LIST_PARTITIONS} desks at once; name one with desk` }]);
  }
  return deps.store.listTickets(selection);
}

function withFilters(query: TicketListQuery, desk?: string, assignee?: string): TicketListQuery {
  return { ...query, ...(desk ? { desk } : {}), ...(assignee ? { assignee } : {}) };
}

/** A requester's tickets are listed newest first, in no other order. */
function refuseOrderOfRequesterList(order: string | undefined): void {
  if (order === undefined) return;
  throw new ValidationError("A requester's tickets are listed newest first", [{ path: 'order', message: "leave order out when listing a requester's tickets" }]);
}
