import { actorOf, isStaff, requireScope } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { HistoryEvent } from '../domain/history.ts';
import { DEFAULT_PRIORITY, priorityFrom } from '../domain/priority.ts';
import type { Ticket } from '../domain/ticket.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import type { CreateTicketBody } from '../http/api-schemas.ts';
import { deskById } from './desk-assignment.ts';
import type { TicketDeps } from './ticket-deps.ts';

/** How long an Idempotency-Key is remembered: a client retrying within a day gets the same ticket. */
const IDEMPOTENCY_SECONDS = 24 * 60 * 60;

export interface CreateTicketResult {
  ticket: Ticket;
  /** False when an Idempotency-Key replay returned the ticket made the first time. */
  created: boolean;
}

/** Fields only staff and clients set when opening a ticket. */
const STAFF_ONLY_FIELDS = ['priority', 'desk', 'tags'] as const;

/**
 * Opens a ticket from the API: a requester opens it for itself, staff and clients on behalf of a
 * requester. The key comes from an atomic counter; an Idempotency-Key makes retries safe.
 */
export async function createTicket(
  deps: TicketDeps,
  principal: Principal,
  body: CreateTicketBody,
  idempotencyKey?: string,
): Promise<CreateTicketResult> {
  requireScope(principal, SCOPES.ticketsWrite);
  const requester = resolveRequester(principal, body);
  const desk = deskById(deps.config, body.desk ?? deps.config.defaultDesk);
  const level = desk.levels[0]!.id;
  const priority = body.priority ?? (body.impact && body.urgency ? priorityFrom(body.impact, body.urgency) : DEFAULT_PRIORITY);

  const number = await deps.store.nextNumber(deps.config.ticketKeyPrefix);
  const now = deps.now().toISOString();
  const ticket: Ticket = {
    key: `${deps.config.ticketKeyPrefix}-${number}`,
    type: body.type,
    subject: body.subject,
    description: body.description,
    requester,
    status: 'new',
    priority,
    ...(body.impact ? { impact: body.impact } : {}),
    ...(body.urgency ? { urgency: body.urgency } : {}),
    category: body.category,
    desk: desk.id,
    level,
    tags: [...new Set(body.tags)],
    customFields: Object.fromEntries(Object.entries(body.customFields).filter(([, value]) => value !== null)),
    channel: 'api',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const event: HistoryEvent = {
    id: deps.newId(),
    ticketKey: ticket.key,
    at: now,
    actor: actorOf(principal),
    action: 'created',
    changes: (['status', 'priority', 'desk', 'level', 'type'] as const).map((field) => ({ field, from: null, to: ticket[field] })),
  };
  const claim = idempotencyKey
    ? {
        caller: principal.kind === 'client' ? `client:${principal.clientId}` : `user:${principal.sub}`,
        key: idempotencyKey,
        expiresAt: Math.floor(deps.now().getTime() / 1000) + IDEMPOTENCY_SECONDS,
      }
    : undefined;
  const outcome = await deps.store.createTicket(ticket, event, claim);
  if (outcome.created) return { ticket: outcome.ticket, created: true };
  const existing = await deps.store.getTicket(outcome.ticketKey);
  if (!existing) throw new Error(`Idempotency record points at missing ticket ${outcome.ticketKey}`);
  return { ticket: existing, created: false };
}

function resolveRequester(principal: Principal, body: CreateTicketBody): Ticket['requester'] {
  if (principal.kind === 'client' || isStaff(principal)) {
    if (!body.requester) {
      throw new ValidationError('The requester is required', [{ path: 'requester', message: 'give the email of the person asking' }]);
    }
    return body.requester;
  }
  if (!principal.email) {
    throw new ForbiddenError('A verified email address is needed to open a ticket');
  }
  if (body.requester && body.requester.email !== principal.email) {
    throw new ForbiddenError('Requesters open tickets only for themselves', [
      { path: 'requester.email', message: 'must be your own verified email address, or left out' },
    ]);
  }
  const staffOnly = STAFF_ONLY_FIELDS.filter((field) => field in body && (field !== 'tags' || body.tags.length > 0));
  if (staffOnly.length) {
    throw new ForbiddenError('Only staff set these fields', staffOnly.map((field) => ({ path: field, message: 'only staff set this field' })));
  }
  const name = body.requester?.name ?? principal.name;
  return { email: principal.email, ...(name ? { name } : {}) };
}
