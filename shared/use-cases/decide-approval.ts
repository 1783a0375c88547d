import { requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { canDecide, decide, type ApprovalDecision } from '../domain/approval.ts';
import type { FieldChange, HistoryEvent } from '../domain/history.ts';
import { approverLanguage } from '../domain/recipient-language.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import { verifyApprovalLink, type ApprovalLinkClaims } from '../auth/approval-link-token.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { SigningKeySource } from '../ports/signing-key-source.ts';
import type { WorkloadGuard } from '../ports/assignment-store.ts';
import type { TicketReader } from '../ports/ticket-store.ts';
import { chooseAssignee, type AssignmentDeps } from './choose-assignee.ts';
import { deskById } from './desk-assignment.ts';
import type { TicketReadDeps } from './ticket-deps.ts';
import { withVersionRetry } from './version-retry.ts';

export interface ApprovalInput {
  decision: ApprovalDecision;
  comment?: string;
}

/**
 * An approver decides the waiting step of a request. The last approval releases the ticket to its
 * desk (status new) and assigns it by the level's method; a rejection closes it, and the reason is
 * posted publicly so the requester learns why.
 */
export async function decideApproval(deps: AssignmentDeps, principal: Principal, key: string, input: ApprovalInput): Promise<Ticket> {
  if (principal.kind !== 'user' || !principal.email) {
    throw new ForbiddenError('Approvals are decided by people with a verified email address');
  }
  const approver = { email: principal.email, ...(principal.name ? { name: principal.name } : {}) };
  return withVersionRetry(async () => {
    const { ticket } = requireTicketAccess(principal, await deps.store.getTicket(key), deps.config, key);
    return decideLoaded(deps, ticket, approver, input);
  });
}

/**
 * The same decision taken through the signed link of an approval email: the link names the
 * approver and the step, and is spent once that step is decided.
 */
export async function decideApprovalByLink(deps: AssignmentDeps & { signingKeys: SigningKeySource }, token: string, input: ApprovalInput): Promise<{ ticket: Ticket; approver: string }> {
  const link = await verifyApprovalLink(await deps.signingKeys.approvalLinkKey(), token, deps.now());
  const ticket = await withVersionRetry(async () => decideLoaded(deps, await ticketOfLink(deps, link), { email: link.approver }, input));
  return { ticket, approver: link.approver };
}

/** The ticket an approval link is for: 404 when it is gone, 409 when the link's step was already decided. */
async function ticketOfLink(deps: { store: Pick<TicketReader, 'getTicket'> }, link: ApprovalLinkClaims): Promise<Ticket> {
  const ticket = await deps.store.getTicket(link.ticketKey);
  if (!ticket) throw new NotFoundError(`Ticket ${link.ticketKey} was not found`);
  if (ticket.approval?.state === 'pending' && ticket.approval.current !== link.step) {
    throw new ConflictError('This approval step was already decided; the link is spent');
  }
  return ticket;
}

/** What the decision page of an approval link shows: the request and the step waiting on its approver. */
export interface ApprovalRequestView {
  ticket: Ticket;
  step: string;
  approver: string;
  /** The language to show the page in: the approver's (see approverLanguage). */
  language: string;
}

/**
 * Reads the request an approval link is for, refusing a forged, expired or spent link (403, 409)
 * before anything is shown. Deciding takes the POST: opening the link decides nothing.
 */
export async function approvalRequestByLink(deps: Pick<TicketReadDeps, 'store' | 'now' | 'config'> & { signingKeys: SigningKeySource }, token: string): Promise<ApprovalRequestView> {
  const link = await verifyApprovalLink(await deps.signingKeys.approvalLinkKey(), token, deps.now());
  const ticket = await ticketOfLink(deps, link);
  const approval = ticket.approval;
  if (!approval || approval.state !== 'pending') {
    throw new ConflictError('This approval step was already decided; the link is spent');
  }
  const step = approval.steps[approval.current]!;
  if (!step.approvers.includes(link.approver)) throw new ForbiddenError(`You are no longer an approver of ${step.label}`);
  return { ticket, step: step.label, approver: link.approver, language: approverLanguage(deps.config, link.approver, ticket) };
}

async function decideLoaded(deps: AssignmentDeps, ticket: Ticket, approver: { email: string; name?: string }, input: ApprovalInput): Promise<Ticket> {
  const key = ticket.key;
  const email = approver.email;
  const approval = ticket.approval;
  if (!approval || approval.state !== 'pending') throw new ConflictError(`Ticket ${key} is not waiting for an approval`);
  if (!canDecide(approval, email)) throw new ForbiddenError(`You are not an approver of the waiting step: ${approval.steps[approval.current]!.label}`);

  const now = deps.now().toISOString();
  const decided = decide(approval, email, input.decision, now, input.comment);
  const next: Ticket = { ...ticket, approval: decided.approval, updatedAt: now, version: ticket.version + 1 };
  const changes: FieldChange[] = [{ field: `approval.steps[${approval.current}]`, from: 'pending', to: input.decision === 'approve' ? 'approved' : 'rejected' }];
  let detail = `${approval.steps[approval.current]!.label}: ${input.decision === 'approve' ? 'approved' : 'rejected'}`;
  let comment: Comment | undefined;
  let guard: WorkloadGuard | undefined;

  if (decided.outcome === 'rejected') {
    Object.assign(next, { status: 'closed', resolvedAt: now, closedAt: now });
    changes.push({ field: 'status', from: ticket.status, to: 'closed' });
    comment = {
      id: deps.newId(),
      ticketKey: key,
      author: { ...approver, role: 'system' },
      public: true,
      body: `The request was not approved.${input.comment ? ` Reason: ${input.comment}` : ''}`,
      attachments: [],
      createdAt: now,
    };
  } else if (decided.outcome === 'approved') {
    next.status = 'new';
    changes.push({ field: 'status', from: ticket.status, to: 'new' });
    const choice = await chooseAssignee(deps, deskById(deps.config, ticket.desk), ticket.level);
    guard = choice.guard;
    if (choice.assignee) {
      next.assignee = choice.assignee;
      changes.push({ field: 'assignee', from: ticket.assignee ?? null, to: choice.assignee });
    }
    detail += `; ${choice.reason}`;
  }
  if (input.comment) detail += `; comment: ${input.comment}`;

  const event: HistoryEvent = {
    id: deps.newId(),
    ticketKey: key,
    at: now,
    actor: { kind: 'user', id: email, ...(approver.name ? { name: approver.name } : {}) },
    action: 'approval',
    changes,
    detail,
    ...(comment ? { commentId: comment.id } : {}),
  };
  return deps.store.saveTicket(ticket, next, event, comment, guard);
}
