import { actorOf, requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import { escalationTarget } from '../domain/escalation.ts';
import type { FieldChange } from '../domain/history.ts';
import type { Actor, Ticket } from '../domain/ticket.ts';
import { isActive } from '../domain/ticket-status.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { chooseAssignee, type AssignmentDeps } from './choose-assignee.ts';
import { deskById } from './desk-assignment.ts';
import { withVersionRetry } from './version-retry.ts';

/**
 * Moves a ticket to the next level (or, after the last one, to the desk this desk escalates to)
 * and assigns it by that level's method. The one escalation path: the API and SLA breach actions
 * both come here, with the actor that asked.
 */
export async function escalate(deps: AssignmentDeps, key: string, actor: Actor, reason?: string): Promise<Ticket> {
  return withVersionRetry(async () => {
    const ticket = await deps.store.getTicket(key);
    if (!ticket) throw new NotFoundError(`Ticket ${key} was not found`);
    return escalateLoaded(deps, ticket, actor, reason);
  });
}

async function escalateLoaded(deps: AssignmentDeps, ticket: Ticket, actor: Actor, reason?: string): Promise<Ticket> {
  if (!isActive(ticket.status) || ticket.status === 'pending_approval') {
    throw new ConflictError(`A ${ticket.status} ticket is not escalated`);
  }
  const target = escalationTarget(deps.config, ticket.desk, ticket.level);
  if (!target) throw new ConflictError(`Ticket ${ticket.key} is on the last level of ${ticket.desk}, which escalates nowhere`);
  const desk = deskById(deps.config, target.desk);
  const choice = await chooseAssignee(deps, desk, target.level);
  const now = deps.now().toISOString();
  const next: Ticket = { ...ticket, desk: target.desk, level: target.level, updatedAt: now, version: ticket.version + 1 };
  if (choice.assignee) next.assignee = choice.assignee;
  else delete next.assignee;

  const changes: FieldChange[] = (['desk', 'level', 'assignee'] as const)
    .filter((field) => ticket[field] !== next[field])
    .map((field) => ({ field, from: ticket[field] ?? null, to: next[field] ?? null }));
  const detail = [`to ${target.desk}/${target.level}`, reason ? `reason: ${reason}` : undefined, choice.reason].filter(Boolean).join('; ');
  return deps.store.saveTicket(ticket, next, { id: deps.newId(), ticketKey: ticket.key, at: now, actor, action: 'escalated', changes, detail }, undefined, choice.guard);
}

/** `POST /tickets/{key}/escalate`: staff of the ticket's desk and write clients. */
export async function escalateTicket(deps: AssignmentDeps, principal: Principal, key: string, reason?: string): Promise<Ticket> {
  requireScope(principal, SCOPES.ticketsWrite);
  return withVersionRetry(async () => {
    const { ticket, access } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
    if (access !== 'staff') throw new ForbiddenError('Only staff escalate tickets');
    return escalateLoaded(deps, ticket, actorOf(principal), reason);
  });
}
