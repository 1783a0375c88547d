import type { DeskConfig, ServiceDeskConfig } from '../config/config-schema.ts';
import type { Actor, Ticket } from '../domain/ticket.ts';
import { ConfirmationRequiredError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Principal } from './principal.ts';
import { SCOPES } from './scopes.ts';

/**
 * How a caller relates to a ticket: works it, asked for it, decides (or decided) its approval, or
 * may not see it at all. Requesters and approvers see the same: the ticket without internal notes.
 */
export type TicketAccess = 'staff' | 'requester' | 'approver' | 'none';

export const isStaff = (principal: Principal): boolean => principal.kind === 'user' && principal.roles.length > 0;

/**
 * Desks whose tickets a caller works: agents and managers their own desks; admins and scoped
 * machine clients every desk except restricted ones they are not members or managers of.
 */
export function staffDesks(principal: Principal, config: ServiceDeskConfig): string[] {
  const worksDesk = (desk: DeskConfig, email: string | undefined): boolean => email !== undefined && (desk.levels.some((level) => level.members.includes(email)) || desk.managers.includes(email));
  if (principal.kind === 'client') return config.desks.filter((desk) => !desk.restricted).map((desk) => desk.id);
  const email = principal.email;
  if (principal.roles.includes('admin')) {
    return config.desks.filter((desk) => !desk.restricted || worksDesk(desk, email)).map((desk) => desk.id);
  }
  if (principal.roles.length === 0) return [];
  return config.desks.filter((desk) => worksDesk(desk, email)).map((desk) => desk.id);
}

/** Checks a machine client holds a scope; people are judged by role and desk instead. */
export function requireScope(principal: Principal, scope: string): void {
  if (principal.kind === 'client' && !principal.scopes.includes(scope)) {
    throw new ForbiddenError(`This client lacks the ${scope} scope`);
  }
}

/**
 * How the caller may see this ticket: the one check of who sees what, which every path calls.
 * Visibility belongs to the ticket's desk (its staff, or every desk but restricted ones for admins
 * and clients); staff of another desk who asked for it see it as its requester does. Approvers read
 * it as its requester sees it while the approval waits on a step of theirs, and for good once they
 * recorded a decision; the rest of an approver group loses sight of it once its step is decided.
 */
export function ticketAccess(principal: Principal, ticket: Ticket, config: ServiceDeskConfig): TicketAccess {
  const hasTicketScope = principal.kind === 'client' && (principal.scopes.includes(SCOPES.ticketsRead) || principal.scopes.includes(SCOPES.ticketsWrite));
  if ((principal.kind === 'client' ? hasTicketScope : isStaff(principal)) && staffDesks(principal, config).includes(ticket.desk)) return 'staff';
  if (principal.kind === 'user' && principal.email) {
    if (principal.email === ticket.requester.email) return 'requester';
    if (isApproverOf(ticket, principal.email)) return 'approver';
  }
  return 'none';
}

/** Whether this person decides a step still waiting for a decision, or recorded a decision on one. */
function isApproverOf(ticket: Ticket, email: string): boolean {
  const approval = ticket.approval;
  if (!approval) return false;
  return approval.steps.some((step, index) => step.decidedBy === email || (approval.state === 'pending' && index >= approval.current && step.decision === undefined && step.approvers.includes(email)));
}

/** The field of a request that confirms taking a ticket, notes and all, out of its restricted desk. */
export const CONFIRM_RESTRICTED_MOVE = 'confirmRestrictedMove';

/**
 * The one check of a move between desks (update, recategorising, escalation). Visibility follows the
 * ticket's desk, so a ticket that leaves a restricted desk takes every internal note written there
 * to the staff of its new desk: such a move must be confirmed by the request, else it is refused
 * (422 naming the confirmation field). Returns what the history records of a confirmed move out of
 * a restricted desk, or undefined when the move leaves none.
 */
export function checkRestrictedDeskMove(config: ServiceDeskConfig, fromDesk: string, toDesk: string, confirmed: boolean): string | undefined {
  if (fromDesk === toDesk) return undefined;
  const left = config.desks.find((desk) => desk.id === fromDesk);
  if (!left?.restricted) return undefined;
  if (!confirmed) {
    throw new ConfirmationRequiredError(`Moving the ticket out of the restricted desk ${left.id} shows its internal notes to ${toDesk}`, [
      { path: CONFIRM_RESTRICTED_MOVE, message: `send true to move it to ${toDesk} with every internal note written on ${left.id}` },
    ]);
  }
  return `left the restricted desk ${left.id}; its internal notes went with it to ${toDesk}`;
}

/**
 * Loads-then-authorises helper: a ticket the caller may not see is reported as missing, so that
 * ticket keys cannot be probed.
 */
export function requireTicketAccess(principal: Principal, ticket: Ticket | undefined, config: ServiceDeskConfig, key: string): { ticket: Ticket; access: Exclude<TicketAccess, 'none'> } {
  const access = ticket ? ticketAccess(principal, ticket, config) : 'none';
  if (!ticket || access === 'none') throw new NotFoundError(`Ticket ${key} was not found`);
  return { ticket, access };
}

/** The actor recorded in history for this caller. */
export function actorOf(principal: Principal): Actor {
  if (principal.kind === 'client') return { kind: 'client', id: principal.clientId };
  return {
    kind: 'user',
    id: principal.email ?? principal.sub,
    ...(principal.name ? { name: principal.name } : {}),
  };
}
