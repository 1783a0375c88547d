import { findCatalogItem } from '../domain/catalog.ts';
import { routeRequest } from '../domain/routing.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { TicketChanges } from '../domain/ticket-changes.ts';
import { ValidationError } from '../errors.ts';
import type { WorkloadGuard } from '../ports/assignment-store.ts';
import { chooseAssignee, type AssignmentDeps } from './choose-assignee.ts';
import { deskById } from './desk-assignment.ts';

export interface Recategorisation {
  changes: TicketChanges;
  /** What routed and assigned the ticket, for the history. */
  detail: string;
  guard?: WorkloadGuard;
}

/**
 * Moves a ticket to another catalog item: routes it again (catalog item, then rules; the current
 * priority stands unless a rule sets one) and, when its desk or level changes, assigns it by the new
 * level's method.
 */
export async function recategorise(deps: AssignmentDeps, ticket: Ticket, catalogItem: string): Promise<Recategorisation> {
  const item = findCatalogItem(deps.config, catalogItem);
  if (!item) throw new ValidationError(`Unknown catalog item ${catalogItem}`, [{ path: 'catalogItem', message: 'not an item of GET /catalog' }]);
  const route = routeRequest({
    config: deps.config,
    catalogItem: item,
    requester: ticket.requester,
    channel: ticket.channel,
    subject: ticket.subject,
    priority: ticket.priority,
  });
  const changes: TicketChanges = {
    catalogItem: item.node.id,
    category: [...item.names],
    type: item.type,
    desk: route.desk,
    level: route.level,
    priority: route.priority,
    tags: [...new Set([...ticket.tags, ...route.tags])],
  };
  const details = route.decisions.map((decision) => decision.detail);
  if (route.desk === ticket.desk && route.level === ticket.level) return { changes, detail: details.join('; ') };
  const choice = await chooseAssignee(deps, deskById(deps.config, route.desk), route.level);
  changes.assignee = choice.assignee ?? null;
  return { changes, detail: [...details, choice.reason].join('; '), ...(choice.guard ? { guard: choice.guard } : {}) };
}
