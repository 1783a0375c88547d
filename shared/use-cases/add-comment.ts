import { actorOf, requireScope, requireTicketAccess, type TicketAccess } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { FieldChange } from '../domain/history.ts';
import type { AuthorRole, Comment, Ticket } from '../domain/ticket.ts';
import { copyPeople, type CopiedPeople } from '../domain/watchers.ts';
import { receivingDomains } from '../email/desk-addresses.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import type { AddCommentBody } from '../http/api-schemas.ts';
import { AlreadyRecordedError, type ClaimRecord } from '../ports/ticket-store.ts';
import { sanitizeCommentHtml } from '../text/sanitize-comment-html.ts';
import { idempotencyClaim } from './api-idempotency.ts';
import { attachUploads, type AttachedUploads, type AttachUploadsDeps } from './attach-uploads.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { withVersionRetry } from './version-retry.ts';

/**
 * How a comment moves its ticket: an agent's first public reply is the first response and opens a
 * new ticket; a requester's reply reopens a ticket that waited on it or was resolved.
 */
export function commentEffects(ticket: Ticket, role: AuthorRole, isPublic: boolean, now: string): FieldChange[] {
  const changes: FieldChange[] = [];
  if (role === 'agent' && isPublic) {
    if (!ticket.firstResponseAt) changes.push({ field: 'firstResponseAt', from: null, to: now });
    if (ticket.status === 'new') changes.push({ field: 'status', from: 'new', to: 'open' });
  }
  if (role === 'requester' && isPublic && (ticket.status === 'pending' || ticket.status === 'resolved')) {
    changes.push({ field: 'status', from: ticket.status, to: 'open' });
    if (ticket.resolvedAt) changes.push({ field: 'resolvedAt', from: ticket.resolvedAt, to: null });
  }
  return changes;
}

/**
 * The ticket after a comment, whichever way the comment came (API, email): the comment's effects
 * applied, the last public reply noted, the version moved on.
 */
export function ticketAfterComment(ticket: Ticket, role: AuthorRole, isPublic: boolean, now: string): { ticket: Ticket; changes: FieldChange[] } {
  const changes = commentEffects(ticket, role, isPublic, now);
  const next: Ticket = { ...ticket, updatedAt: now, version: ticket.version + 1 };
  if (isPublic && role !== 'system') next.lastPublicReply = { by: role, at: now };
  for (const change of changes) {
    if (change.field === 'status') next.status = change.to as Ticket['status'];
    if (change.field === 'firstResponseAt') next.firstResponseAt = String(change.to);
    if (change.field === 'resolvedAt') delete next.resolvedAt;
  }
  return { ticket: next, changes };
}

/** Who a comment speaks as: a machine client as the system, staff of the desk as its agents, anyone else as the requester. */
export function commentRole(principal: Principal, access: Exclude<TicketAccess, 'none'>): AuthorRole {
  return principal.kind === 'client' ? 'system' : access === 'staff' ? 'agent' : 'requester';
}

export interface AddCommentResult {
  comment: Comment;
  ticket: Ticket;
  /** False when an Idempotency-Key replay returned the comment added the first time. */
  created: boolean;
}

/**
 * Adds a public reply or an internal note; the ticket, the comment and the history move together.
 * With an Idempotency-Key, a retry within a day (after a timeout, say) returns the first comment
 * instead of adding it again; the key's claim is written in the comment's own transaction.
 */
export async function addComment(deps: TicketDeps & AttachUploadsDeps, principal: Principal, key: string, body: AddCommentBody, options: { idempotencyKey?: string } = {}): Promise<AddCommentResult> {
  requireScope(principal, SCOPES.ticketsWrite);
  const html = body.html === undefined ? undefined : sanitizeCommentHtml(body.html);
  const claim = options.idempotencyKey ? idempotencyClaim(principal, deps.now(), options.idempotencyKey, `comment:${key}`) : undefined;
  // Copied once, after the rules passed; a retry on a concurrent change reuses the copies.
  let attached: AttachedUploads | undefined;
  return withVersionRetry(async () => {
    const [found, recorded] = await Promise.all([deps.store.getTicket(key), claim ? deps.store.findClaim(claim.caller, claim.key) : undefined]);
    const { ticket, access } = requireTicketAccess(principal, found, deps.config, key);
    // A replay is answered before any rule: the first request passed them, and the ticket may have moved on since.
    if (recorded) return replayOf(deps, ticket, recorded);
    // An approver reads the request but never speaks as its requester (a reply would reopen it).
    if (access === 'approver') {
      throw new ForbiddenError('Approvers do not comment on a request; give your reason with the approval decision', [
        { path: 'body', message: 'approvers decide with POST /tickets/{key}/approval, which takes a comment' },
      ]);
    }
    if (access === 'requester' && !body.public) {
      throw new ForbiddenError('Requesters cannot write internal notes', [{ path: 'public', message: 'must be true' }]);
    }
    if (ticket.status === 'closed') {
      throw new ConflictError(`Ticket ${key} is closed and takes no more comments; open a follow-up ticket`);
    }
    const copied = copiedBy(deps, access, ticket, body.cc);
    attached ??= await attachUploads(deps, principal, body.attachments);
    const now = deps.now().toISOString();
    const actor = actorOf(principal);
    const role = commentRole(principal, access);
    const comment: Comment = {
      id: deps.newId(),
      ticketKey: key,
      author: { email: actor.id, ...(actor.name ? { name: actor.name } : {}), role },
      public: body.public,
      body: body.body,
      ...(html ? { html } : {}),
      attachments: attached.files,
      createdAt: now,
    };
    const { ticket: after, changes: effects } = ticketAfterComment(ticket, role, body.public, now);
    // The people copied become watchers in the comment's own write, so its mail reaches them.
    const next: Ticket = copied.added.length ? { ...after, watchers: copied.watchers } : after;
    const changes = copied.added.length ? [...effects, { field: 'watchers', from: ticket.watchers ?? [], to: copied.watchers }] : effects;
    const detail = copied.added.length ? { detail: `copied on the reply: ${copied.added.join(', ')}` } : {};
    try {
      const saved = await deps.store.saveTicket(ticket, next, { id: deps.newId(), ticketKey: key, at: now, actor, action: 'commented', changes, commentId: comment.id, ...detail }, comment, undefined, claim);
      await attached.release();
      return { comment, ticket: saved, created: true };
    } catch (error) {
      // The same request, delivered twice at once, landed first the other way.
      if (error instanceof AlreadyRecordedError && claim) {
        const winner = await deps.store.findClaim(claim.caller, claim.key);
        if (winner) return replayOf(deps, (await deps.store.getTicket(key)) ?? ticket, winner);
      }
      throw error;
    }
  });
}

/**
 * The people a reply copies, checked: only staff and write clients copy anyone (the schema keeps
 * them off internal notes), and each address must be one the desk can mail (400 naming `cc`).
 */
export function copiedBy(deps: Pick<TicketDeps, 'config'>, access: TicketAccess, ticket: Ticket, cc: readonly string[] | undefined): CopiedPeople {
  if (!cc?.length) return { watchers: ticket.watchers ?? [], added: [], problems: [] };
  if (access !== 'staff') {
    throw new ValidationError('Only staff copy people on a reply', [{ path: 'cc', message: 'leave cc out; reply by mail with the people in Cc to copy them' }]);
  }
  const copied = copyPeople(ticket, cc, receivingDomains(deps.config));
  if (copied.problems.length) throw new ValidationError('The people to copy are invalid', copied.problems);
  return copied;
}

async function replayOf(deps: TicketDeps, ticket: Ticket, recorded: ClaimRecord): Promise<AddCommentResult> {
  const comment = recorded.commentId ? await deps.store.getComment(ticket.key, recorded.commentId) : undefined;
  if (!comment) throw new Error(`Idempotency claim of ticket ${ticket.key} points at a missing comment`);
  return { comment, ticket, created: false };
}
