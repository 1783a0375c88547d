import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { policyCalendar } from '../domain/sla-calendar.ts';
import { matchSlaPolicy } from '../domain/sla-policy-match.ts';
import { slaWithTimeLeft } from '../domain/sla-time-left.ts';
import { waitingOn } from '../domain/waiting-on.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { Page } from '../ports/ticket-store.ts';

/**
 * A ticket as the API answers with it: the stored ticket plus what is derived from it for readers
 * (whose move it waits on; the time its running SLA clocks have left).
 */
export type TicketView = Omit<Ticket, 'sla'> & { sla?: ReturnType<typeof slaWithTimeLeft>; waitingOn?: ReturnType<typeof waitingOn> };

/** What a view is derived with: the configuration and the clock of the response. */
export interface TicketViewContext {
  config: ServiceDeskConfig;
  now: () => Date;
}

export function ticketView(ticket: Ticket, context: TicketViewContext): TicketView {
  return viewAt(ticket, context.config, context.now());
}

/** Every ticket of a page seen at the same instant. */
export function ticketPageView<P extends Page<Ticket>>(page: P, context: TicketViewContext): Omit<P, 'items'> & { items: TicketView[] } {
  const now = context.now();
  return { ...page, items: page.items.map((ticket) => viewAt(ticket, context.config, now)) };
}

function viewAt(ticket: Ticket, config: ServiceDeskConfig, now: Date): TicketView {
  const waiting = waitingOn(ticket);
  // The calendar the next write would count these clocks in: that of the policy the ticket matches.
  const sla = ticket.sla && slaWithTimeLeft(ticket.sla, policyCalendar(config, matchSlaPolicy(config, ticket)), now);
  return { ...ticket, ...(sla ? { sla } : {}), ...(waiting ? { waitingOn: waiting } : {}) };
}
