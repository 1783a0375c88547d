import type { DeskConfig, ServiceDeskConfig } from '../config/config-schema.ts';
import type { Actor, Ticket } from '../domain/ticket.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Principal } from './principal.ts';
import { SCOPES } from './scopes.ts';

/** How a caller relates to a ticket: works it, asked for it, or may not see it at all. */
export type TicketAccess = 'staff' | 'requester' | 'none';

export const isStaff = (principal: Principal): boolean => principal.kind === 'user' && principal.roles.length > 0;

/**
 * Desks whose tickets a caller works: agents and managers their own desks; admins and scoped
 * machine clients every desk except restricted ones they are not members or managers of.
 */
export function staffDesks(principal: Principal, config: ServiceDeskConfig): string[] {
  const worksDesk = (desk: DeskConfig, email: string | undefined): boolean =>
    email !== undefined && (desk.levels.some((level) => level.members.includes(email)) || desk.managers.includes(email));
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
 * How the caller may see this ticket. Staff of another desk who asked for it, and the approvers of
 * a request, see it as its requester does.
 */
export function ticketAccess(principal: Principal, ticket: Ticket, config: ServiceDeskConfig): TicketAccess {
  const hasTicketScope = principal.kind === 'client' && (principal.scopes.includes(SCOPES.ticketsRead) || principal.scopes.includes(SCOPES.ticketsWrite));
  if ((principal.kind === 'client' ? hasTicketScope : isStaff(principal)) && staffDesks(principal, config).includes(ticket.desk)) return 'staff';
  if (principal.kind === 'user' && principal.email) {
    if (principal.email === ticket.requester.email) return 'requester';
    // Approvers read the request they decide on, as its requester sees it.
    if (ticket.approval?.steps.some((step) => step.approvers.includes(principal.email!))) return 'requester';
  }
  return 'none';
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
