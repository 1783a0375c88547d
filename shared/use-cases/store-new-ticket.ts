import type { HistoryEvent } from '../domain/history.ts';
import type { RoutingResult } from '../domain/routing.ts';
import type { Actor, Ticket } from '../domain/ticket.ts';
import { AssignmentRaceError } from '../ports/assignment-store.ts';
import type { CreateTicketOutcome, IdempotencyClaim } from '../ports/ticket-store.ts';
import { chooseAssignee, type AssigneeChoice, type AssignmentDeps } from './choose-assignee.ts';
import { deskById } from './desk-assignment.ts';

/** A workload pick raced by concurrent creates is made again, a few times at most. */
const MAX_ASSIGNMENT_ATTEMPTS = 5;

export interface NewTicketRecord {
  route: RoutingResult;
  actor: Actor;
  claim?: IdempotencyClaim;
  /** Fields the `created` event lists, and why it was created (e.g. "by email"). */
  createdFields: readonly (keyof Ticket)[];
  createdDetail?: string;
}

/**
 * Writes a routed new ticket with its first history (created, routed, and assigned or waiting for
 * approval), assigning it by its level's method unless it waits for approval. A workload pick that
 * raced another create is made again. Shared by every path that opens tickets (API, email).
 */
export async function storeNewTicket(deps: AssignmentDeps, draft: Ticket, record: NewTicketRecord): Promise<CreateTicketOutcome> {
  const desk = deskById(deps.config, draft.desk);
  for (let attempt = 1; ; attempt++) {
    // Requests waiting for approval are assigned when the last approver says yes.
    const choice = draft.approval ? undefined : await chooseAssignee(deps, desk, draft.level);
    const ticket: Ticket = choice?.assignee ? { ...draft, assignee: choice.assignee } : draft;
    try {
      return await deps.store.createTicket(ticket, creationEvents(deps, ticket, record, choice), record.claim, choice?.guard);
    } catch (error) {
      if (!(error instanceof AssignmentRaceError) || attempt >= MAX_ASSIGNMENT_ATTEMPTS) throw error;
    }
  }
}

function creationEvents(deps: AssignmentDeps, ticket: Ticket, record: NewTicketRecord, choice?: AssigneeChoice): HistoryEvent[] {
  const event = (action: HistoryEvent['action'], changes: HistoryEvent['changes'], detail?: string, by: Actor = record.actor): HistoryEvent => ({
    id: deps.newId(),
    ticketKey: ticket.key,
    at: ticket.createdAt,
    actor: by,
    action,
    changes,
    ...(detail ? { detail } : {}),
  });
  const system: Actor = { kind: 'system', id: 'routing' };
  const events = [
    event(
      'created',
      record.createdFields.map((field) => ({ field, from: null, to: ticket[field] })),
      record.createdDetail,
    ),
    event(
      'routed',
      (['desk', 'level', 'priority'] as const).map((field) => ({ field, from: null, to: ticket[field] })),
      record.route.decisions.map((decision) => decision.detail).join('; '),
      system,
    ),
  ];
  if (ticket.approval) {
    const step = ticket.approval.steps[0]!;
    events.push(event('approval', [], `waiting for ${step.label} (${step.approvers.join(', ')})`, system));
  } else if (choice) {
    events.push(event('assigned', ticket.assignee ? [{ field: 'assignee', from: null, to: ticket.assignee }] : [], choice.reason, system));
  }
  return events;
}
