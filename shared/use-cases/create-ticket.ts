import { actorOf, isStaff, requireScope, requireTicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import { findCatalogItem, type ResolvedCatalogItem } from '../domain/catalog.ts';
import { DEFAULT_PRIORITY, priorityFrom } from '../domain/priority.ts';
import { languageOf } from '../domain/recipient-language.ts';
import { validateRequestForm } from '../domain/request-form.ts';
import { routeRequest, type RoutingResult } from '../domain/routing.ts';
import type { Channel, Ticket } from '../domain/ticket.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import type { CreateTicketBody } from '../http/api-schemas.ts';
import type { ClaimRecord, IdempotencyClaim } from '../ports/ticket-store.ts';
import { idempotencyClaim, keyReusedError, requestFingerprint } from './api-idempotency.ts';
import { startApproval } from './approval-steps.ts';
import { attachUploads, type AttachUploadsDeps } from './attach-uploads.ts';
import type { AssignmentDeps } from './choose-assignee.ts';
import { deskById } from './desk-assignment.ts';
import { requesterFromDirectory } from './requester-from-directory.ts';
import { storeNewTicket } from './store-new-ticket.ts';

export interface CreateTicketResult {
  ticket: Ticket;
  /** False for a replay: the ticket as the first request was answered (or, for intake, as it is now). */
  created: boolean;
}

/** Fields only staff and clients set when opening a ticket. */
const STAFF_ONLY_FIELDS = ['priority', 'desk', 'tags'] as const;

/**
 * Opens a ticket from the API: a requester opens it for itself, staff and clients on behalf of a
 * requester. A catalog item's form is validated and its defaults applied; the ticket is routed
 * (catalog item, then routing rules) and assigned by the level's method, or waits for approval
 * when its item needs one. Routing and assignment are recorded in the history with what decided.
 */
export interface CreateTicketOptions {
  /** The client's Idempotency-Key: a retry within a day gets the first answer, if it may still see the ticket. */
  idempotencyKey?: string;
  /** How the request came in; 'api' by default. */
  channel?: Channel;
  /** A claim to record with the ticket instead of the Idempotency-Key's (the intake's external id). */
  claim?: IdempotencyClaim;
  /** Where an intake message came from. */
  intake?: Ticket['intake'];
}

export async function createTicket(deps: AssignmentDeps & AttachUploadsDeps, principal: Principal, body: CreateTicketBody, options: CreateTicketOptions = {}): Promise<CreateTicketResult> {
  const { idempotencyKey, channel = 'api' } = options;
  requireScope(principal, SCOPES.ticketsWrite);
  const claim = options.claim ?? (idempotencyKey ? { ...idempotencyClaim(principal, deps.now(), idempotencyKey), fingerprint: requestFingerprint(body), keepsAnswer: true } : undefined);
  // A replay is answered before a ticket number is taken, so that retries leave no gaps.
  const recorded = claim ? await deps.store.findClaim(claim.caller, claim.key) : undefined;
  if (recorded) return replayOf(deps, principal, claim!, recorded);
  const requester = requesterFromDirectory(deps.config, resolveRequester(principal, body));
  const item = body.catalogItem === undefined ? undefined : catalogItemOrFail(deps, body.catalogItem);
  const customFields = item ? validateRequestForm(item.form, body.customFields) : withoutNulls(body.customFields);
  const route =
    body.desk !== undefined
      ? explicitDesk(deps, body)
      : routeRequest({
          config: deps.config,
          ...(item ? { catalogItem: item } : {}),
          requester,
          channel,
          subject: body.subject,
          ...(body.priority ? { priority: body.priority } : {}),
          ...(body.impact && body.urgency ? { impactUrgencyPriority: priorityFrom(body.impact, body.urgency) } : {}),
        });
  const desk = deskById(deps.config, route.desk);
  const approval = item ? startApproval(deps.config, item.approval, requester.email, desk) : undefined;
  // Checked and copied before a number is taken, so a refused file leaves no gap.
  const attached = await attachUploads(deps, principal, body.attachments);

  const number = await deps.store.nextNumber(deps.config.ticketKeyPrefix);
  const now = deps.now().toISOString();
  const draft: Ticket = {
    key: `${deps.config.ticketKeyPrefix}-${number}`,
    type: body.type ?? item?.type ?? 'incident',
    subject: body.subject,
    description: body.description,
    requester,
    status: approval ? 'pending_approval' : 'new',
    priority: route.priority,
    ...(body.impact ? { impact: body.impact } : {}),
    ...(body.urgency ? { urgency: body.urgency } : {}),
    category: item ? [...item.names] : (body.category ?? []),
    ...(item ? { catalogItem: item.node.id } : {}),
    desk: route.desk,
    level: route.level,
    tags: [...new Set([...body.tags, ...route.tags])],
    customFields,
    channel,
    // Nothing written here tells a language reliably (forms, alerts): the directory's, else the desk's.
    language: languageOf(deps.config, { email: requester.email, desk: route.desk }),
    ...(options.intake ? { intake: options.intake } : {}),
    ...(approval ? { approval } : {}),
    ...(attached.files.length ? { attachments: attached.files } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const actor = actorOf(principal);

  const outcome = await storeNewTicket(deps, draft, { route, actor, createdFields: ['status', 'type'], ...(claim ? { claim } : {}), ...(channel === 'api' ? {} : { createdDetail: `by ${channel}` }) });
  await attached.release();
  if (outcome.created) return { ticket: outcome.ticket, created: true };
  // The same key, sent twice at once, won the other way: this request spent a number, and answers as a replay.
  const winner = await deps.store.findClaim(claim!.caller, claim!.key);
  return replayOf(deps, principal, claim!, winner ?? { ticketKey: outcome.ticketKey });
}

/**
 * The answer to a replay. An API request with another body under the same key is refused (422); one
 * whose ticket has since left the caller's sight (moved to a restricted desk, say) gets 404 like
 * every other read; otherwise it gets the ticket as the first request was answered, not as it is
 * now. An intake claim (no fingerprint) answers with the ticket as it is now, for the intake to follow.
 */
async function replayOf(deps: AssignmentDeps, principal: Principal, claim: IdempotencyClaim, recorded: ClaimRecord): Promise<CreateTicketResult> {
  if (claim.fingerprint !== undefined && recorded.fingerprint !== undefined && recorded.fingerprint !== claim.fingerprint) throw keyReusedError();
  const current = await deps.store.getTicket(recorded.ticketKey);
  if (claim.fingerprint === undefined) {
    if (!current) throw new Error(`Idempotency record points at missing ticket ${recorded.ticketKey}`);
    return { ticket: current, created: false };
  }
  const { ticket } = requireTicketAccess(principal, current, deps.config, recorded.ticketKey);
  // A claim made before claims kept their answer has only the key: the ticket as it is now.
  return { ticket: recorded.answer ?? ticket, created: false };
}

function catalogItemOrFail(deps: AssignmentDeps, id: string): ResolvedCatalogItem {
  const item = findCatalogItem(deps.config, id);
  if (!item) throw new ValidationError(`Unknown catalog item ${id}`, [{ path: 'catalogItem', message: 'not an item of GET /catalog' }]);
  return item;
}

/** Staff who name a desk place the ticket there themselves: no routing rule applies. */
function explicitDesk(deps: AssignmentDeps, body: CreateTicketBody): RoutingResult {
  const desk = deskById(deps.config, body.desk!);
  const priority = body.priority ?? (body.impact && body.urgency ? priorityFrom(body.impact, body.urgency) : DEFAULT_PRIORITY);
  return { desk: desk.id, level: desk.levels[0]!.id, priority, tags: [], decisions: [{ step: 'default', detail: `desk ${desk.id} chosen by the creator` }] };
}

function withoutNulls<T>(values: Record<string, T | null>): Record<string, T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as Record<string, T>;
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
    throw new ForbiddenError('Requesters open tickets only for themselves', [{ path: 'requester.email', message: 'must be your own verified email address, or left out' }]);
  }
  const staffOnly = STAFF_ONLY_FIELDS.filter((field) => field in body && (field !== 'tags' || body.tags.length > 0));
  if (staffOnly.length) {
    throw new ForbiddenError(
      'Only staff set these fields',
      staffOnly.map((field) => ({ path: field, message: 'only staff set this field' })),
    );
  }
  const name = body.requester?.name ?? principal.name;
  return { email: principal.email, ...(name ? { name } : {}) };
}
