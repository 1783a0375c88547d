import { requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { HistoryEvent } from '../domain/history.ts';
import { ForbiddenError } from '../errors.ts';
import type { Page } from '../ports/ticket-store.ts';
import type { TicketDeps } from './ticket-deps.ts';

/** The audit log of a ticket, oldest first. Staff only: it names internal notes and assignments. */
export async function getTicketHistory(
  deps: TicketDeps,
  principal: Principal,
  key: string,
  page: { cursor?: string; limit: number },
): Promise<Page<HistoryEvent>> {
  requireScope(principal, SCOPES.ticketsRead);
  const { access } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
  if (access !== 'staff') throw new ForbiddenError('The history of a ticket is visible to staff only');
  return deps.store.listHistory(key, page);
}
