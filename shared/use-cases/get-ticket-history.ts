import { requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { HistoryEvent } from '../domain/history.ts';
import { ForbiddenError } from '../errors.ts';
import type { Page } from '../ports/ticket-store.ts';
import type { TicketReadDeps } from './ticket-deps.ts';

/** The audit log of a ticket, oldest first. Staff only: it names internal notes and assignments. */
export async function getTicketHistory(deps: TicketReadDeps, principal: Principal, key: string, page: { cursor?: string; limit: number }): Promise<Page<HistoryEvent>> {
  requireScope(principal, SCOPES.ticketsRead);
  // Read with the ticket in one round trip; nothing of it leaves before the access check.
  const found = await deps.store.getTicketHistory(key, page);
  const { access } = requireTicketAccess(principal, found?.ticket, deps.config, key);
  if (access !== 'staff') throw new ForbiddenError('The history of a ticket is visible to staff only');
  return found!.history;
}
