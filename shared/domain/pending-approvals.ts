import type { ApprovalStepKind } from './approval.ts';
import type { Ticket } from './ticket.ts';

/**
 * One approver's share of the step a request waits on: what their approval inbox lists. A request
 * has one such entry per approver of its waiting step, and none once it waits on no decision.
 */
export interface PendingApproval {
  approver: string;
  ticketKey: string;
  subject: string;
  requester: { email: string; name?: string };
  catalogItem?: string;
  step: { index: number; kind?: ApprovalStepKind; label: string };
  /** When the request was made. */
  requestedAt: string;
  /** When the step started waiting: the request's creation for the first step, the previous decision for later ones. */
  waitingSince: string;
  status: Ticket['status'];
}

export function pendingApprovals(ticket: Ticket): PendingApproval[] {
  const approval = ticket.approval;
  // A request closed while it waited (staff may close it) waits on nobody.
  if (ticket.status !== 'pending_approval' || approval?.state !== 'pending') return [];
  const step = approval.steps[approval.current];
  if (!step) return [];
  const waitingSince = (approval.current > 0 ? approval.steps[approval.current - 1]!.decidedAt : undefined) ?? ticket.createdAt;
  return [...new Set(step.approvers)].map((approver) => ({
    approver,
    ticketKey: ticket.key,
    subject: ticket.subject,
    requester: { email: ticket.requester.email, ...(ticket.requester.name ? { name: ticket.requester.name } : {}) },
    ...(ticket.catalogItem ? { catalogItem: ticket.catalogItem } : {}),
    step: { index: approval.current, ...(step.kind ? { kind: step.kind } : {}), label: step.label },
    requestedAt: ticket.createdAt,
    waitingSince,
    status: ticket.status,
  }));
}
