import type { Ticket } from './ticket.ts';
import { WORKLOAD_STATUSES } from './ticket-status.ts';

/** One step of an agent's open-ticket counter. */
export interface WorkloadChange {
  email: string;
  delta: 1 | -1;
}

/** The agent a ticket counts towards: its assignee while the ticket is in a workload status. */
export function workloadHolder(ticket: Ticket | undefined): string | undefined {
  if (!ticket?.assignee) return undefined;
  return WORKLOAD_STATUSES.includes(ticket.status) ? ticket.assignee : undefined;
}

/**
 * How agents' open-ticket counters move when `previous` becomes `next` (`previous` undefined for a
 * new ticket): the agent it stops counting for loses one, the agent it starts counting for gains
 * one. Covers assign, unassign, reassign and a status moving in or out of WORKLOAD_STATUSES; at
 * most one change per agent, so each counter item is written once per transaction.
 */
export function workloadChanges(previous: Ticket | undefined, next: Ticket): WorkloadChange[] {
  const before = workloadHolder(previous);
  const after = workloadHolder(next);
  if (before === after) return [];
  const changes: WorkloadChange[] = [];
  if (before) changes.push({ email: before, delta: -1 });
  if (after) changes.push({ email: after, delta: 1 });
  return changes;
}
