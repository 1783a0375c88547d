export const TICKET_STATUSES = ['pending_approval', 'new', 'open', 'pending', 'on_hold', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which someone still owes work on the ticket. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['pending_approval', 'new', 'open', 'pending', 'on_hold'];

/** Statuses in which an assigned ticket counts towards its agent's workload. */
export const WORKLOAD_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];

/**
 * Allowed moves by an update. `pending_approval` leaves only through an approval decision (or by
 * being closed); `new` is only ever the first status; `closed` is final (a later message opens a
 * follow-up ticket, as Zendesk does); `resolved` may be reopened until it is closed.
 */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  pending_approval: ['closed'],
  new: ['open', 'pending', 'on_hold', 'resolved', 'closed'],
  open: ['pending', 'on_hold', 'resolved', 'closed'],
  pending: ['open', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'pending', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/** Whether a ticket may move from one status to another (staying put is always allowed). */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function isActive(status: TicketStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The statuses a list filter names: `active`, `all`, or statuses separated by commas (already validated). */
export function statusesOf(filter: string): TicketStatus[] {
  if (filter === 'active') return [...ACTIVE_STATUSES];
  if (filter === 'all') return [...TICKET_STATUSES];
  return [...new Set(filter.split(','))] as TicketStatus[];
}
