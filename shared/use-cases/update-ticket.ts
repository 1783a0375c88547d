import { actorOf, checkRestrictedDeskMove, requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { Ticket } from '../domain/ticket.ts';
import { applyTicketChanges, type TicketChanges } from '../domain/ticket-changes.ts';
import { ForbiddenError, PreconditionFailedError, ValidationError } from '../errors.ts';
import type { UpdateTicketBody } from '../http/api-schemas.ts';
import { StaleVersionError } from '../ports/ticket-store.ts';
import { deskById, requireLevel, worksDesk } from './desk-assignment.ts';
import type { AssignmentDeps } from './choose-assignee.ts';
import { recategorise } from './recategorise.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { withVersionRetry } from './version-retry.ts';

/**
 * Changes ticket fields (staff and write-scoped clients). With `expectedVersion` (If-Match) a
 * stale write is refused with 412; without it the change is re-applied to the latest version. A
 * move out of a restricted desk (by desk or by recategorising) needs `confirmRestrictedMove`.
 */
export async function updateTicket(deps: AssignmentDeps, principal: Principal, key: string, body: UpdateTicketBody, expectedVersion?: number): Promise<Ticket> {
  requireScope(principal, SCOPES.ticketsWrite);
  const { confirmRestrictedMove = false, ...fields } = body;
  const attempt = async (): Promise<Ticket> => {
    const { ticket, access } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
    if (access !== 'staff') throw new ForbiddenError('Requesters cannot change ticket fields; add a comment instead');
    if (expectedVersion !== undefined && expectedVersion !== ticket.version) {
      throw new PreconditionFailedError(`Ticket ${key} is at version ${ticket.version}, not ${expectedVersion}`, ticket.version);
    }
    // Fields the caller names win over what recategorising routes.
    const recategorised = fields.catalogItem !== undefined && fields.catalogItem !== ticket.catalogItem ? await recategorise(deps, ticket, fields.catalogItem) : undefined;
    const requested = { ...recategorised?.changes, ...fields };
    const { ticket: next, changes } = applyTicketChanges(ticket, routingChanges(deps, ticket, requested), deps.now().toISOString());
    if (changes.length === 0) return ticket;
    const leftRestricted = checkRestrictedDeskMove(deps.config, ticket.desk, next.desk, confirmRestrictedMove);
    const detail = [recategorised ? `recategorised: ${recategorised.detail}` : undefined, leftRestricted].filter(Boolean).join('; ');
    const guard = recategorised?.guard && next.assignee === recategorised.guard.email ? recategorised.guard : undefined;
    try {
      return await deps.store.saveTicket(
        ticket,
        next,
        {
          id: deps.newId(),
          ticketKey: key,
          at: next.updatedAt,
          actor: actorOf(principal),
          action: 'updated',
          changes,
          ...(detail ? { detail } : {}),
        },
        undefined,
        guard,
      );
    } catch (error) {
      if (error instanceof StaleVersionError && expectedVersion !== undefined) {
        const current = await deps.store.getTicket(key);
        throw new PreconditionFailedError(`Ticket ${key} changed since version ${expectedVersion}`, current?.version ?? expectedVersion + 1);
      }
      throw error;
    }
  };
  return expectedVersion === undefined ? withVersionRetry(attempt) : attempt();
}

/**
 * Checks desk, level and assignee against the configuration. Moving to another desk lands on its
 * first level and drops an assignee who does not work there, unless the update names both.
 */
function routingChanges(deps: TicketDeps, ticket: Ticket, body: TicketChanges): TicketChanges {
  const changes: TicketChanges = { ...body };
  const desk = deskById(deps.config, body.desk ?? ticket.desk);
  const movesDesk = body.desk !== undefined && body.desk !== ticket.desk;
  if (body.level !== undefined) requireLevel(desk, body.level);
  else if (movesDesk) changes.level = desk.levels[0]!.id;

  if (body.assignee) {
    if (!worksDesk(desk, body.assignee)) {
      throw new ValidationError(`${body.assignee} does not work desk ${desk.id}`, [{ path: 'assignee', message: `not an agent or manager of desk ${desk.id}` }]);
    }
  } else if (body.assignee === undefined && movesDesk && ticket.assignee && !worksDesk(desk, ticket.assignee)) {
    changes.assignee = null;
  }
  return changes;
}
