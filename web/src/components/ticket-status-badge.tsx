import type { components } from '../lib/api/schema';
import { useMessages } from '../lib/i18n/use-messages';
import { componentMessages } from './messages';
import './ticket-status-badge.css';

export type TicketStatus = components['schemas']['Ticket']['status'];

/** Every status, in the order work moves through them. */
export const TICKET_STATUSES: readonly TicketStatus[] = ['pending_approval', 'new', 'open', 'pending', 'on_hold', 'resolved', 'closed'];

/** A status as staff name it (the portal words it for requesters instead). */
export function useStatusName(): (status: TicketStatus) => string {
  const t = useMessages(componentMessages);
  return (status) => t.format(`status.${status}`);
}

/** The status as a small badge whose colour follows the state; the word carries the meaning. */
export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const name = useStatusName();
  return (
    <span className="ticket-status" data-status={status}>
      {name(status)}
    </span>
  );
}
