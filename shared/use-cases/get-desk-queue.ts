import { isStaff, requireScope, staffDesks } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Ticket } from '../domain/ticket.ts';
import { statusesOf } from '../domain/ticket-status.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Page } from '../ports/ticket-store.ts';
import { requireLevel } from './desk-assignment.ts';
import type { TicketDeps } from './ticket-deps.ts';

export interface DeskQueueQuery {
  level?: string;
  status: string;
  cursor?: string;
  limit: number;
}

/** A desk's queue, optionally one level of it, by priority then age; for the desk's staff. */
export async function getDeskQueue(
  deps: TicketDeps,
  principal: Principal,
  deskId: string,
  query: DeskQueueQuery,
): Promise<Page<Ticket> & { desk: string; level?: string }> {
  requireScope(principal, SCOPES.ticketsRead);
  const desk = deps.config.desks.find((candidate) => candidate.id === deskId);
  if (!desk) throw new NotFoundError(`There is no desk ${deskId}`);
  if ((principal.kind === 'user' && !isStaff(principal)) || !staffDesks(principal, deps.config).includes(desk.id)) {
    throw new ForbiddenError(`You do not work desk ${desk.id}`);
  }
  if (query.level !== undefined) requireLevel(desk, query.level);
  const page = await deps.store.listTickets({
    desk: desk.id,
    statuses: statusesOf(query.status),
    limit: query.limit,
    ...(query.level ? { level: query.level } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { desk: desk.id, ...(query.level ? { level: query.level } : {}), ...page };
}
