import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { HistoryEvent } from '../domain/history.ts';
import { policyCalendar } from '../domain/sla-calendar.ts';
import { advanceSla } from '../domain/sla-clocks.ts';
import { matchSlaPolicy } from '../domain/sla-policy-match.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import type { WorkloadGuard } from '../ports/assignment-store.ts';
import type { IdempotencyClaim, TicketStore } from '../ports/ticket-store.ts';

/** The ticket with its SLA clocks brought up to the moment of the change (`updatedAt`). */
export function withSla(config: ServiceDeskConfig, ticket: Ticket): Ticket {
  const policy = matchSlaPolicy(config, ticket);
  const sla = advanceSla(ticket.sla, ticket, new Date(ticket.updatedAt), {
    policy,
    calendar: policyCalendar(config, policy),
  });
  const { sla: _old, ...rest } = ticket;
  return sla ? { ...rest, sla } : rest;
}

/**
 * The ticket store with SLA accounting on every write: whichever path changes a ticket (API,
 * email, timers), its clocks, deadlines and due thresholds are current in the same write, and the
 * stream turns them into timers.
 */
export class SlaTrackingTicketStore implements TicketStore {
  constructor(
    private readonly inner: TicketStore,
    private readonly config: ServiceDeskConfig,
  ) {}

  nextNumber(sequence: string) {
    return this.inner.nextNumber(sequence);
  }

  createTicket(ticket: Ticket, events: HistoryEvent | readonly HistoryEvent[], idempotency?: IdempotencyClaim, guard?: WorkloadGuard) {
    return this.inner.createTicket(withSla(this.config, ticket), events, idempotency, guard);
  }

  getTicket(key: string) {
    return this.inner.getTicket(key);
  }

  getTicketActivity(key: string) {
    return this.inner.getTicketActivity(key);
  }

  saveTicket(previous: Ticket, next: Ticket, event: HistoryEvent, comment?: Comment, guard?: WorkloadGuard, claim?: IdempotencyClaim) {
    return this.inner.saveTicket(previous, withSla(this.config, next), event, comment, guard, claim);
  }

  saveChangedComment(previous: Ticket, next: Ticket, event: HistoryEvent, comment: Comment) {
    return this.inner.saveChangedComment(previous, withSla(this.config, next), event, comment);
  }

  findClaim(caller: string, key: string) {
    return this.inner.findClaim(caller, key);
  }

  getComment(key: string, commentId: string) {
    return this.inner.getComment(key, commentId);
  }

  claim(claim: IdempotencyClaim, ticketKey: string) {
    return this.inner.claim(claim, ticketKey);
  }

  listTickets(query: Parameters<TicketStore['listTickets']>[0]) {
    return this.inner.listTickets(query);
  }

  getTicketHistory(key: string, options: { cursor?: string; limit: number }) {
    return this.inner.getTicketHistory(key, options);
  }

  listPendingApprovals(approver: string, options: { cursor?: string; limit: number }) {
    return this.inner.listPendingApprovals(approver, options);
  }
}
