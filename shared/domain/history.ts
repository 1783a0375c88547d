import type { Actor } from './ticket.ts';

export type HistoryAction = 'created' | 'routed' | 'assigned' | 'updated' | 'commented' | 'escalated' | 'approval' | 'sla';

/** One field's move; values are as the API shows them, `null` for "not set". */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** An immutable entry of a ticket's audit log. */
export interface HistoryEvent {
  id: string;
  ticketKey: string;
  at: string;
  actor: Actor;
  action: HistoryAction;
  changes: FieldChange[];
  /** Why: the rule that routed, the assignment method that picked, the reason given. */
  detail?: string;
  commentId?: string;
}
