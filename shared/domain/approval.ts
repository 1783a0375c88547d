/** One step of an approval: who may decide it, and the decision once made. */
export interface ApprovalStep {
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
