import type { Ticket } from './ticket.ts';

/** Whose move a ticket waits for, as the portal shows it; nobody's once it is resolved or closed. */
export type WaitingOn = 'requester' | 'approval' | 'desk';

export const WAITING_ON = ['requester', 'approval', 'desk'] as const satisfies readonly WaitingOn[];

export function waitingOn(ticket: Pick<Ticket, 'status' | 'approval'>): WaitingOn | undefined {
  if (ticket.status === 'resolved' || ticket.status === 'closed') return undefined;
  if (ticket.status === 'pending') return 'requester';
  if (ticket.status === 'pending_approval' || ticket.approval?.state === 'pending') return 'approval';
  return 'desk';
}
