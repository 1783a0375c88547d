/** How a step's approvers were found: a named person, the requester's manager, or a group. */
export const APPROVAL_STEP_KINDS = ['user', 'requester_manager', 'group'] as const;
export type ApprovalStepKind = (typeof APPROVAL_STEP_KINDS)[number];

/** One step of an approval: who may decide it, and the decision once made. */
export interface ApprovalStep {
  /** Absent on steps of requests made before steps recorded their kind. */
  kind?: ApprovalStepKind;
  /** What the step is, e.g. "Manager of the requester" or "Group software-approvers". */
  label: string;
  /** Emails of the people who may decide this step; any one of them decides it. */
  approvers: string[];
  decision?: 'approved' | 'rejected';
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

/** Sequential approval of a service request: steps are decided one after the other. */
export interface Approval {
  state: 'pending' | 'approved' | 'rejected';
  /** Index of the step waiting for a decision while pending. */
  current: number;
  steps: ApprovalStep[];
}

export type ApprovalDecision = 'approve' | 'reject';

export interface DecidedApproval {
  approval: Approval;
  /** What the decision did: moved to the next step, or finished the approval either way. */
  outcome: 'next_step' | 'approved' | 'rejected';
}

/** Whether this person may decide the step that is waiting. */
export function canDecide(approval: Approval, email: string): boolean {
  return approval.state === 'pending' && (approval.steps[approval.current]?.approvers.includes(email) ?? false);
}

/**
 * Records a decision on the waiting step: a rejection ends the approval, an approval moves to the
 * next step or, on the last one, approves the request. The caller checks canDecide first.
 */
export function decide(approval: Approval, email: string, decision: ApprovalDecision, now: string, comment?: string): DecidedApproval {
  const steps = approval.steps.map((step, index) =>
    index === approval.current ? { ...step, decision: decision === 'approve' ? ('approved' as const) : ('rejected' as const), decidedBy: email, decidedAt: now, ...(comment ? { comment } : {}) } : step,
  );
  if (decision === 'reject') return { approval: { ...approval, steps, state: 'rejected' }, outcome: 'rejected' };
  if (approval.current + 1 < steps.length) return { approval: { ...approval, steps, current: approval.current + 1 }, outcome: 'next_step' };
  return { approval: { ...approval, steps, state: 'approved' }, outcome: 'approved' };
}
