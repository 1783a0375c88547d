import type { HistoryEvent } from '../../domain/history.ts';
import { ticketSlaAttention } from '../../domain/sla.ts';
import type { Comment, Ticket } from '../../domain/ticket.ts';
import type { PendingApproval } from '../../domain/pending-approvals.ts';
import { approverInboxIndexKeys, approverInboxKey, commentKey, historyKey, ticketIndexKeys, ticketKey } from '../../store/keys.ts';
import { TTL_ATTRIBUTE } from '../../store/table-definition.ts';
import { packSla, unpackSla } from './packed-sla.ts';

/** Maps domain objects to table items and back; the `entity` attribute tells item kinds apart. */

type Item = Record<string, unknown>;

// Keys and attributes derived for queries only; they are not part of the domain objects.
const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK', 'entity', 'slaAttention']);

function withoutKeys<T>(item: Item): T {
  const result: Item = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(name)) result[name] = value;
  return result as T;
}

/**
 * The ticket item: every index projects it whole and every write of a ticket puts it whole, so it
 * is kept small. The SLA is packed into one string (packed-sla.ts), and empty tags, category and
 * custom fields are left out; toTicket restores both, and still reads items of earlier builds,
 * whose SLA is a map and whose empty lists are stored.
 */
export const ticketItem = (ticket: Ticket): Item => {
  const attention = ticketSlaAttention(ticket.sla);
  return { ...ticketKey(ticket.key), ...ticketIndexKeys(ticket), entity: 'ticket', ...(attention ? { slaAttention: attention } : {}), ...packedTicket(ticket) };
};

/** The ticket's own attributes in the item's compact form, without keys: also the answer an idempotency claim keeps. */
export const packedTicket = (ticket: Ticket): Item => {
  const { sla, tags, category, customFields, ...rest } = ticket;
  const packedSla = sla && packSla(sla, ticket.createdAt);
  return {
    ...rest,
    ...(tags.length ? { tags } : {}),
    ...(category.length ? { category } : {}),
    ...(Object.keys(customFields).length ? { customFields } : {}),
    ...(sla ? { sla: packedSla ?? sla } : {}),
  };
};

export const commentItem = (comment: Comment): Item => ({
  ...commentKey(comment.ticketKey, comment.id),
  entity: 'comment',
  ...comment,
});

export const historyItem = (event: HistoryEvent): Item => ({
  ...historyKey(event.ticketKey, event.id),
  entity: 'history',
  ...event,
});

/** An approver's inbox item while their step waits: listed in their GSI3 partition. */
export const pendingApprovalItem = (entry: PendingApproval): Item => ({
  ...approverInboxKey(entry.approver, entry.ticketKey),
  ...approverInboxIndexKeys(entry.approver, entry.waitingSince, entry.ticketKey),
  entity: 'pending_approval',
  ...entry,
});

/** The same item once the step no longer waits on the approver: out of the index, removed by TTL. */
export const settledApprovalItem = (entry: PendingApproval, at: string): Item => ({
  ...approverInboxKey(entry.approver, entry.ticketKey),
  entity: 'pending_approval',
  ...entry,
  [TTL_ATTRIBUTE]: Math.floor(Date.parse(at) / 1000),
});

export const toPendingApproval = (item: Item): PendingApproval => {
  const { [TTL_ATTRIBUTE]: _expiry, ...entry } = withoutKeys<PendingApproval & Record<string, unknown>>(item);
  return entry as PendingApproval;
};

/** The order in which a ticket's fields are read back, so API responses read the same every time. */
const TICKET_FIELD_ORDER: readonly (keyof Ticket)[] = [
  'key',
  'type',
  'subject',
  'description',
  'requester',
  'status',
  'priority',
  'impact',
  'urgency',
  'category',
  'catalogItem',
  'desk',
  'level',
  'assignee',
  'tags',
  'customFields',
  'channel',
  'approval',
  'sourceMessageId',
  'watchers',
  'sla',
  'lastPublicReply',
  'createdAt',
  'updatedAt',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'version',
];

export function toTicket(item: Item): Ticket {
  const fields = withoutKeys<Record<string, unknown>>(item);
  if (typeof fields.sla === 'string') fields.sla = unpackSla(fields.sla, String(fields.createdAt));
  fields.tags ??= [];
  fields.category ??= [];
  fields.customFields ??= {};
  const ordered: Record<string, unknown> = {};
  for (const name of TICKET_FIELD_ORDER) if (fields[name] !== undefined) ordered[name] = fields[name];
  return Object.assign(ordered, fields) as unknown as Ticket;
}
export const toComment = (item: Item): Comment => withoutKeys<Comment>(item);
export const toHistoryEvent = (item: Item): HistoryEvent => withoutKeys<HistoryEvent>(item);

export const entityOf = (item: Item): string | undefined => item.entity as string | undefined;
