import { waitingOn } from '../domain/waiting-on.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { Page } from '../ports/ticket-store.ts';

/** A ticket as the API answers with it: the stored ticket plus what is derived from it for readers. */
export type TicketView = Ticket & { waitingOn?: ReturnType<typeof waitingOn> };

export function ticketView(ticket: Ticket): TicketView {
  const waiting = waitingOn(ticket);
  return waiting ? { ...ticket, waitingOn: waiting } : ticket;
}

export function ticketPageView(page: Page<Ticket>): Page<TicketView> {
  return { ...page, items: page.items.map(ticketView) };
}
