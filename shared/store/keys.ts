import { nearestSlaDeadline } from '../domain/nearest-deadline.ts';
import type { Priority } from '../domain/priority.ts';
import type { Ticket } from '../domain/ticket.ts';
import { isActive, type TicketStatus } from '../domain/ticket-status.ts';

/**
 * Every key string of the single table is built here and nowhere else; ACCESS-PATTERNS.md beside
 * this file lists the access patterns these keys serve.
 */

export interface PrimaryKey {
  PK: string;
  SK: string;
}

export const TICKET_SK = 'TICKET';
export const COMMENT_PREFIX = 'COMMENT#';
// History sorts right after its ticket item, so one Query (begins_with TICKET) reads the ticket and
// the first page of its history together.
export const HISTORY_PREFIX = `${TICKET_SK}#HISTORY#`;

/**
 * Sort key prefix of history events written by builds before history moved beside its ticket;
 * only the key migration (infra/maintenance/table-key-migration.ts) still reads it.
 */
export const LEGACY_HISTORY_PREFIX = 'HISTORY#';

export const ticketPartition = (ticketKey: string): string => `TICKET#${ticketKey}`;

export const ticketKey = (key: string): PrimaryKey => ({ PK: ticketPartition(key), SK: TICKET_SK });

export const commentKey = (key: string, commentId: string): PrimaryKey => ({
  PK: ticketPartition(key),
  SK: `${COMMENT_PREFIX}${commentId}`,
});

export const historyKey = (key: string, eventId: string): PrimaryKey => ({
  PK: ticketPartition(key),
  SK: `${HISTORY_PREFIX}${eventId}`,
});

/** A mail that could not become a ticket or comment, kept with its reason: one partition per day, one item per mail. */
export const quarantinePartition = (day: string): string => `QUARANTINE#${day}`;
export const quarantineKey = (day: string, location: string): PrimaryKey => ({ PK: quarantinePartition(day), SK: location });

/** How many automatic replies a sender got in one hour (`YYYY-MM-DDTHH`), for flood protection. */
export const autoReplyCounterKey = (email: string, hour: string): PrimaryKey => ({ PK: `AUTOREPLY#${email}`, SK: hour });

/**
 * Senders and domains whose mail is held, all in one partition so the list is one Query; the
 * intake reads a sender's and its domains' items with one BatchGetItem.
 */
export const MAIL_BLOCKLIST_PARTITION = 'MAILBLOCK';
export const mailBlockKey = (kind: 'sender' | 'domain', value: string): PrimaryKey => ({ PK: MAIL_BLOCKLIST_PARTITION, SK: `${kind.toUpperCase()}#${value.toLowerCase()}` });

/** The mails that opened tickets for one sender in one hour (`YYYY-MM-DDTHH`), for the flood limit. */
export const newTicketCounterKey = (email: string, hour: string): PrimaryKey => ({ PK: `NEWTICKETS#${email.toLowerCase()}`, SK: hour });

/** An address whose mail bounced for good: notifications leave it out while the mark lasts. */
export const undeliverableAddressKey = (email: string): PrimaryKey => ({ PK: `ADDRESS#${email.toLowerCase()}`, SK: 'UNDELIVERABLE' });

/**
 * The desk's invitation of an address to sign up to the portal, one partition per address; the
 * pre-sign-up trigger may read this partition only (its IAM grant is conditioned on the prefix).
 */
export const INVITATION_PARTITION_PREFIX = 'INVITATION#';
export const invitationKey = (email: string): PrimaryKey => ({ PK: `${INVITATION_PARTITION_PREFIX}${email.toLowerCase()}`, SK: 'INVITATION' });

/** Atomic counter, e.g. the ticket number sequence of one key prefix. */
export const counterKey = (name: string): PrimaryKey => ({ PK: `COUNTER#${name}`, SK: 'COUNTER' });

/** Remembers a create request's Idempotency-Key per caller so a retry returns the same ticket. */
export const idempotencyKey = (caller: string, key: string): PrimaryKey => ({
  PK: `IDEMPOTENCY#${caller}#${key}`,
  SK: 'IDEMPOTENCY',
});

/** Everything the desk keeps about one agent (workload counter, availability) shares its partition. */
const agentPartition = (email: string): string => `AGENT#${email}`;

/** An agent's count of assigned tickets in a workload status, kept in step with the tickets. */
export const agentWorkloadKey = (email: string): PrimaryKey => ({ PK: agentPartition(email), SK: 'WORKLOAD' });

/** Whether an agent takes new tickets; absent means available. */
export const agentAvailabilityKey = (email: string): PrimaryKey => ({ PK: agentPartition(email), SK: 'AVAILABILITY' });

/**
 * A desk's queue counters (active, unassigned, at risk, breached, and per level active and
 * unassigned), moved with `ADD` in the transactions of the tickets they count.
 */
export const deskCountsKey = (desk: string): PrimaryKey => ({ PK: `DESK#${desk}`, SK: 'QUEUE_COUNTS' });

/** Round-robin position of one desk level, incremented with `ADD`. */
export const rotationKey = (desk: string, level: string): PrimaryKey => ({ PK: `ROTATION#${desk}#${level}`, SK: 'ROTATION' });

// Index partitions: every active ticket of a desk (or an agent) sits in one partition, so the queue
// of work still owed is one ordered range and one Query; resolved and closed have one each.
const queueSegment = (status: TicketStatus): string => (isActive(status) ? 'ACTIVE' : `STATUS#${status}`);
export const deskQueuePartition = (desk: string, status: TicketStatus): string => `DESK#${desk}#${queueSegment(status)}`;
export const assigneeWorkPartition = (assignee: string, status: TicketStatus): string => `ASSIGNEE#${assignee}#${queueSegment(status)}`;
export const requesterPartition = (email: string): string => `REQUESTER#${email}`;

/** Every active ticket of a desk by its nearest SLA deadline (GSI4); resolved and closed ones are not in it. */
export const deskDuePartition = (desk: string): string => `DESK#${desk}#DUE`;

/** Priority first (P1 sorts before P4), then age (oldest first), then the key for a total order. */
const queueOrder = (ticket: Ticket): string => `${ticket.priority}#${ticket.createdAt}#${ticket.key}`;

/** The start of the queue order of every ticket of one priority: a `begins_with` key condition. */
export const queueOrderPrefix = (priority: Priority): string => `${priority}#`;

// "~" sorts after every digit, so tickets with no running clock come last, by priority and age.
const NO_DEADLINE = '~';

/** The nearest SLA deadline first (a breached one has passed, so it sorts first), then the queue order. */
const dueOrder = (ticket: Ticket): string => `${nearestSlaDeadline(ticket.sla) ?? NO_DEADLINE}#${queueOrder(ticket)}`;

/** The index attributes a ticket item carries; the assignee and due indexes are sparse. */
export function ticketIndexKeys(ticket: Ticket): Record<string, string> {
  const keys: Record<string, string> = {
    GSI1PK: deskQueuePartition(ticket.desk, ticket.status),
    GSI1SK: queueOrder(ticket),
    GSI3PK: requesterPartition(ticket.requester.email),
    GSI3SK: `${ticket.createdAt}#${ticket.key}`,
  };
  if (ticket.assignee) {
    keys.GSI2PK = assigneeWorkPartition(ticket.assignee, ticket.status);
    keys.GSI2SK = queueOrder(ticket);
  }
  if (isActive(ticket.status)) {
    keys.GSI4PK = deskDuePartition(ticket.desk);
    keys.GSI4SK = dueOrder(ticket);
  }
  return keys;
}

/**
 * An approver's inbox: one item per approver and request, in the approver's GSI3 partition (oldest
 * wait first) only while a step of theirs waits. The transactions that open and decide steps write
 * the items; a decided one leaves the index and expires, so no function deletes.
 */
export const approverInboxPartition = (email: string): string => `APPROVER#${email}`;
export const approverInboxKey = (approver: string, ticketKey: string): PrimaryKey => ({ PK: approverInboxPartition(approver), SK: `APPROVAL#${ticketKey}` });
export const approverInboxIndexKeys = (approver: string, waitingSince: string, ticketKey: string): Record<string, string> => ({
  GSI3PK: approverInboxPartition(approver),
  GSI3SK: `${waitingSince}#${ticketKey}`,
});

/**
 * Local runtime only (`npm start`): pending SLA timers, one partition so a single Query restores
 * them at start. On AWS the schedules live in EventBridge Scheduler and this partition stays empty.
 */
export const LOCAL_TIMER_PARTITION = 'LOCALTIMER';

/** One pending local timer, by its schedule name. */
export const localTimerKey = (name: string): PrimaryKey => ({ PK: LOCAL_TIMER_PARTITION, SK: name });
