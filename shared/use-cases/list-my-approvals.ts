import type { Principal } from '../auth/principal.ts';
import type { ApprovalStepKind } from '../domain/approval.ts';
import { findCatalogItem } from '../domain/catalog.ts';
import type { PendingApproval } from '../domain/pending-approvals.ts';
import type { Ticket } from '../domain/ticket.ts';
import { ForbiddenError } from '../errors.ts';
import type { Page } from '../ports/ticket-store.ts';
import type { TicketReadDeps } from './ticket-deps.ts';

/** A request waiting for the caller's decision, as the approvals page lists it. */
export interface ApprovalInboxItem {
  key: string;
  subject: string;
  requester: { email: string; name?: string };
  catalogItem?: { id: string; name: string };
  step: { index: number; kind?: ApprovalStepKind; label: string };
  requestedAt: string;
  waitingSince: string;
  status: Ticket['status'];
}

/**
 * The requests whose waiting step the signed-in person may decide (by verified email, as
 * POST /tickets/{key}/approval decides), the longest waiting first: one Query of their inbox.
 */
export async function listMyApprovals(deps: TicketReadDeps, principal: Principal, query: { cursor?: string | undefined; limit: number }): Promise<Page<ApprovalInboxItem>> {
  if (principal.kind !== 'user' || !principal.email) {
    throw new ForbiddenError('Approvals are decided by people with a verified email address');
  }
  const page = await deps.store.listPendingApprovals(principal.email, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  const items = page.items.map((entry) => inboxItem(deps, entry));
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}

function inboxItem(deps: Pick<TicketReadDeps, 'config'>, entry: PendingApproval): ApprovalInboxItem {
  const item = entry.catalogItem ? findCatalogItem(deps.config, entry.catalogItem) : undefined;
  // Steps of requests made before steps recorded their kind take it from the catalog item.
  const kind = entry.step.kind ?? item?.approval[entry.step.index]?.kind;
  return {
    key: entry.ticketKey,
    subject: entry.subject,
    requester: entry.requester,
    ...(entry.catalogItem ? { catalogItem: { id: entry.catalogItem, name: item?.node.name ?? entry.catalogItem } } : {}),
    step: { index: entry.step.index, ...(kind ? { kind } : {}), label: entry.step.label },
    requestedAt: entry.requestedAt,
    waitingSince: entry.waitingSince,
    status: entry.status,
  };
}
