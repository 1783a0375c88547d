import { isStaff, requireScope, staffDesks } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Ticket } from '../domain/ticket.ts';
import { statusesOf } from '../domain/ticket-status.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { DeskQueueQuery } from '../http/list-query-schemas.ts';
import type { Page, TicketListQuery } from '../ports/ticket-store.ts';
import { callerEmail } from './caller-email.ts';
import { requireLevel } from './desk-assignment.ts';
import { listFilters } from './ticket-list-filters.ts';
import type { TicketReadDeps } from './ticket-deps.ts';

/**
 * A desk's queue, optionally one level of it, by priority then age or by the nearest SLA deadline,
 * filtered by assignee (`me`, `none`, an email), SLA state, priority, channel and catalog item; for
 * the desk's staff.
 */
export async function getDeskQueue(deps: TicketReadDeps, principal: Principal, deskId: string, query: DeskQueueQuery): Promise<Page<Ticket> & { desk: string; level?: string }> {
  requireScope(principal, SCOPES.ticketsRead);
  const desk = deps.config.desks.find((candidate) => candidate.id === deskId);
  if (!desk) throw new NotFoundError(`There is no desk ${deskId}`);
  if ((principal.kind === 'user' && !isStaff(principal)) || !staffDesks(principal, deps.config).includes(desk.id)) {
    throw new ForbiddenError(`You do not work desk ${desk.id}`);
  }
  if (query.level !== undefined) requireLevel(desk, query.level);
  const statuses = statusesOf(query.status);
  const page = await deps.store.listTickets({
    desk: desk.id,
    statuses,
    limit: query.limit,
    ...(query.level ? { level: query.level } : {}),
    ...assigneeSelection(principal, query.assignee),
    ...(query.sla ? { sla: query.sla } : {}),
    ...listFilters(deps.config, query, statuses),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { desk: desk.id, ...(query.level ? { level: query.level } : {}), ...page };
}

function assigneeSelection(principal: Principal, assignee: string | undefined): Pick<TicketListQuery, 'assignee' | 'unassigned'> {
  if (assignee === undefined) return {};
  if (assignee === 'none') return { unassigned: true };
  return { assignee: assignee === 'me' ? callerEmail(principal, 'assignee') : assignee };
}
