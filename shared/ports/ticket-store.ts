import type { HistoryEvent } from '../domain/history.ts';
import type { PendingApproval } from '../domain/pending-approvals.ts';
import type { Priority } from '../domain/priority.ts';
import type { Channel, Comment, Ticket } from '../domain/ticket.ts';
import type { TicketStatus } from '../domain/ticket-status.ts';
import type { WorkloadGuard } from './assignment-store.ts';

/** A page of results and the opaque cursor of the next page, if there is one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface TicketActivity {
  ticket: Ticket;
  comments: Comment[];
  history: HistoryEvent[];
}

/**
 * The most index partitions one list may read and merge (in due order, the due partitions of every
 * desk the caller works): a store's cursor resumes at most this many, so a use case asks for no more.
 */
export const MAX_LIST_PARTITIONS = 10;

/** How a list is ordered: by priority then age (a requester's list: newest first), or by the nearest SLA deadline. */
export type TicketListOrder = 'priority' | 'due';

/**
 * Which tickets to list. One of desk, assignee or requester selects the index; the rest filter.
 * In due order the index is the due index of the desk, or of every visible desk (an assignee's
 * work), and only active statuses may be asked for.
 */
export interface TicketListQuery {
  desk?: string;
  /** Only this level of the desk. */
  level?: string;
  assignee?: string;
  /** Only tickets nobody is assigned to. */
  unassigned?: boolean;
  requester?: string;
  statuses: readonly TicketStatus[];
  /** Only tickets whose SLA is at risk, or breached. */
  sla?: 'at_risk' | 'breached';
  /** Only these priorities; one alone is a key condition in priority order. */
  priorities?: readonly Priority[];
  /** Only tickets that came in this way. */
  channel?: Channel;
  /** Only tickets of this catalog item. */
  catalogItem?: string;
  /** Priority order unless `due`. */
  order?: TicketListOrder;
  /** Desks the caller may see; undefined means every desk. */
  visibleDesks?: readonly string[];
  cursor?: string;
  limit: number;
}

/** What a claim recorded: the ticket it opened or changed, and the comment it added, if any. */
export interface ClaimRecord {
  ticketKey: string;
  commentId?: string;
  /** The fingerprint the claim was made with (an API request's body, a mail's content), if any. */
  fingerprint?: string;
  /** The ticket as the request that made the claim was answered, when the claim keeps it. */
  answer?: Ticket;
  /** For a mail: where its raw bytes are, to tell a redelivery from a reused id. */
  source?: string;
}

export interface IdempotencyClaim {
  caller: string;
  key: string;
  /** Epoch seconds after which the claim may be forgotten. */
  expiresAt: number;
  /**
   * A hash of what the claimed request carried: an API request's body, so that a replay with another
   * body is told apart, or a mail's content, so that a redelivery is told from a reused Message-ID.
   */
  fingerprint?: string;
  /** A create's claim keeps the ticket as created, so that a replay answers what the first request did. */
  keepsAnswer?: boolean;
  /** Kept with a mail's claim: where its raw bytes are. */
  source?: string;
}

export type CreateTicketOutcome = { created: true; ticket: Ticket } | { created: false; ticketKey: string };

/** The ticket store: every method is one conditional write or one query, no scans. */
export interface TicketStore {
  /** Atomically takes the next number of a named sequence (1, 2, 3, ...). */
  nextNumber(sequence: string): Promise<number>;
  /**
   * Writes a new ticket and its first history events together. With an idempotency claim that was
   * already made, nothing is written and the key of the ticket that claim created is returned.
   * Assignees' workload counters move in the same transaction; with a guard, an agent whose
   * counter moved since it was read fails the write with AssignmentRaceError.
   */
  createTicket(ticket: Ticket, events: HistoryEvent | readonly HistoryEvent[], idempotency?: IdempotencyClaim, guard?: WorkloadGuard): Promise<CreateTicketOutcome>;
  getTicket(key: string): Promise<Ticket | undefined>;
  /** The ticket, its conversation and its history, from one partition. */
  getTicketActivity(key: string): Promise<TicketActivity | undefined>;
  /**
   * Replaces `previous` by `next` if the stored version is still `previous.version`, appending the
   * history event (and the comment, if any) and the workload counter changes in the same
   * transaction. Throws StaleVersionError otherwise, or AssignmentRaceError when only the guard failed.
   */
  saveTicket(previous: Ticket, next: Ticket, event: HistoryEvent, comment?: Comment, guard?: WorkloadGuard, claim?: IdempotencyClaim): Promise<Ticket>;
  /**
   * As saveTicket, replacing a comment the ticket already has (an accepted sender's mail made
   * public) in the same transaction, conditioned on the ticket's version like any change.
   */
  saveChangedComment(previous: Ticket, next: Ticket, event: HistoryEvent, comment: Comment): Promise<Ticket>;
  /** The ticket an idempotency claim (an Idempotency-Key, a mail's Message-ID) was recorded for. */
  findClaim(caller: string, key: string): Promise<ClaimRecord | undefined>;
  /** One comment of a ticket, strongly consistent. */
  getComment(key: string, commentId: string): Promise<Comment | undefined>;
  /** Records a claim for a ticket; false when it was already recorded. */
  claim(claim: IdempotencyClaim, ticketKey: string): Promise<boolean>;
  listTickets(query: TicketListQuery): Promise<Page<Ticket>>;
  /** The requests whose waiting step this person may decide, the longest waiting first. */
  listPendingApprovals(approver: string, options: { cursor?: string; limit: number }): Promise<Page<PendingApproval>>;
  /** The ticket with a page of its history, oldest first; undefined when there is no such ticket. */
  getTicketHistory(key: string, options: { cursor?: string; limit: number }): Promise<TicketHistoryPage | undefined>;
}

/** The store's reads: all a read route is given, so none of them can write around the SLA accounting. */
export type TicketReader = Pick<TicketStore, 'getTicket' | 'getTicketActivity' | 'getComment' | 'listTickets' | 'listPendingApprovals' | 'getTicketHistory'>;

export interface TicketHistoryPage {
  ticket: Ticket;
  history: Page<HistoryEvent>;
}

/** DynamoDB refused a write because one of its items is over the 400 KB item limit: retrying cannot help. */
export class ItemTooLargeError extends Error {
  constructor(readonly ticketKey: string) {
    super(`An item of ticket ${ticketKey} is over DynamoDB's 400 KB item limit`);
    this.name = 'ItemTooLargeError';
  }
}

/** The claim of a save was already recorded: the same message or request was applied before. */
export class AlreadyRecordedError extends Error {
  constructor(readonly claimKey: string) {
    super(`Already recorded: ${claimKey}`);
    this.name = 'AlreadyRecordedError';
  }
}

/** The stored ticket moved on since it was read. */
export class StaleVersionError extends Error {
  constructor(readonly ticketKey: string) {
    super(`Ticket ${ticketKey} changed since it was read`);
    this.name = 'StaleVersionError';
  }
}
