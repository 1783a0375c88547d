import { signApprovalLink } from '../auth/approval-link-token.ts';
import type { Ticket } from '../domain/ticket.ts';

export interface ApprovalLink {
  approver: string;
  token: string;
}

/** One signed link per approver of the step a request waits on; none when it waits on nobody. */
export async function approvalLinksFor(ticket: Ticket, key: Uint8Array, now: Date): Promise<ApprovalLink[]> {
  const approval = ticket.approval;
  if (!approval || approval.state !== 'pending') return [];
  const step = approval.steps[approval.current]!;
  return Promise.all(
    step.approvers.map(async (approver) => ({
      approver,
      token: await signApprovalLink(key, { ticketKey: ticket.key, step: approval.current, approver }, now),
    })),
  );
}
