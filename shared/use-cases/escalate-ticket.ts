import { actorOf, checkRestrictedDeskMove, requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import { escalationTarget, type EscalationTarget } from '../domain/escalation.ts';
import type { FieldChange } from '../domain/history.ts';
import type { Actor, Ticket } from '../domain/ticket.ts';
import { isActive } from '../domain/ticket-status.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { chooseAssignee, type AssigneeChoice, type AssignmentDeps } from './choose-assignee.ts';
import { deskById } from './desk-assignment.ts';
import { withVersionRetry } from './version-retry.ts';

/**
 * Moves a ticket to the next level (or, after the last one, to the desk this desk escalates to),
 * assigns it by that level's method and records who asked and why.
 */
async function escalateLoaded(deps: AssignmentDeps, ticket: Ticket, actor: Actor, options: EscalationOptions): Promise<Ticket> {
  if (!isActive(ticket.status) || ticket.status === 'pending_approval') {
    throw new ConflictError(`A ${ticket.status} ticket is not escalated`);
  }
  const now = deps.now().toISOString();
  const next: Ticket = { ...ticket, updatedAt: now, version: ticket.version + 1 };
  const target = escalationTarget(deps.config, ticket.desk, ticket.level);
  if (!target) throw new ConflictError(`Ticket ${ticket.key} is on the last level of ${ticket.desk}, which escalates nowhere`);
  const leftRestricted = checkRestrictedDeskMove(deps.config, ticket.desk, target.desk, options.confirmRestrictedMove ?? false);
  const { changes, choice } = (await moveToEscalationTarget(deps, next))!;
  const detail = [`to ${target.desk}/${target.level}`, options.reason ? `reason: ${options.reason}` : undefined, choice.reason, leftRestricted].filter(Boolean).join('; ');
  return deps.store.saveTicket(ticket, next, { id: deps.newId(), ticketKey: ticket.key, at: now, actor, action: 'escalated', changes, detail }, undefined, choice.guard);
}

/**
 * Moves a ticket (in place) to where escalation leads and assigns it by that level's method;
 * undefined when its level escalates nowhere. The API and SLA breach actions both move this way.
 */
export async function moveToEscalationTarget(deps: AssignmentDeps, next: Ticket): Promise<{ target: EscalationTarget; changes: FieldChange[]; choice: AssigneeChoice } | undefined> {
  const target = escalationTarget(deps.config, next.desk, next.level);
  if (!target) return undefined;
  const choice = await chooseAssignee(deps, deskById(deps.config, target.desk), target.level);
  const before = { desk: next.desk, level: next.level, assignee: next.assignee };
  next.desk = target.desk;
  next.level = target.level;
  if (choice.assignee) next.assignee = choice.assignee;
  else delete next.assignee;
  const changes = (['desk', 'level', 'assignee'] as const).filter((field) => before[field] !== next[field]).map((field) => ({ field, from: before[field] ?? null, to: next[field] ?? null }));
  return { target, changes, choice };
}

export interface EscalationOptions {
  reason?: string;
  /** Confirms an escalation that takes the ticket out of its restricted desk (see checkRestrictedDeskMove). */
  confirmRestrictedMove?: boolean;
}

/**
 * Whether escalating the ticket would take it out of its restricted desk. Automatic escalations (SLA
 * actions) have nobody to confirm that, so they leave such a ticket where it is.
 */
export function escalationLeavesRestrictedDesk(deps: Pick<AssignmentDeps, 'config'>, ticket: Ticket): boolean {
  const target = escalationTarget(deps.config, ticket.desk, ticket.level);
  return target !== undefined && checkRestrictedDeskMove(deps.config, ticket.desk, target.desk, true) !== undefined;
}

/** `POST /tickets/{key}/escalate`: staff of the ticket's desk and write clients. */
export async function escalateTicket(deps: AssignmentDeps, principal: Principal, key: string, options: EscalationOptions = {}): Promise<Ticket> {
  requireScope(principal, SCOPES.ticketsWrite);
  return withVersionRetry(async () => {
    const { ticket, access } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
    if (access !== 'staff') throw new ForbiddenError('Only staff escalate tickets');
    return escalateLoaded(deps, ticket, actorOf(principal), options);
  });
}
