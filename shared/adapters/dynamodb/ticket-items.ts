import type { HistoryEvent } from '../../domain/history.ts';
import type { Comment, Ticket } from '../../domain/ticket.ts';
import { commentKey, historyKey, ticketIndexKeys, ticketKey } from '../../store/keys.ts';

/** Maps domain objects to table items and back; the `entity` attribute tells item kinds apart. */

type Item = Record<string, unknown>;

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'entity']);

function withoutKeys<T>(item: Item): T {
  const result: Item = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(name)) result[name] = value;
  return result as T;
}

export const ticketItem = (ticket: Ticket): Item => ({
  ...ticketKey(ticket.key),
  ...ticketIndexKeys(ticket),
  entity: 'ticket',
  ...ticket,
});

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

export const toTicket = (item: Item): Ticket => withoutKeys<Ticket>(item);
export const toComment = (item: Item): Comment => withoutKeys<Comment>(item);
export const toHistoryEvent = (item: Item): HistoryEvent => withoutKeys<HistoryEvent>(item);

export const entityOf = (item: Item): string | undefined => item.entity as string | undefined;
