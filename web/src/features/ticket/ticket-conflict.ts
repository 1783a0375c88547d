import type { HistoryEvent, Ticket } from './api/ticket-api';

/** The fields a person changes from the view, compared when their change met a newer version. */
const COMPARED = ['status', 'priority', 'assignee', 'level', 'desk', 'catalogItem', 'tags', 'subject', 'impact', 'urgency', 'category'] as const;

export interface ChangedField {
  field: string;
  then: string;
  now: string;
  /** Who changed it, when the history says. */
  by?: string;
}

const shown = (value: unknown): string => (value === undefined || value === null || value === '' ? '' : Array.isArray(value) ? value.join(', ') : String(value));

/**
 * What differs between the ticket as the page loaded it and as it is now, each field with the
 * latest person the history names for it since the page loaded.
 */
export function changedSince(loaded: Ticket, now: Ticket, history: readonly HistoryEvent[]): ChangedField[] {
  const later = history.filter((event) => event.at > loaded.updatedAt || event.at === loaded.updatedAt);
  return COMPARED.flatMap((field) => {
    const then = shown(loaded[field]);
    const current = shown(now[field]);
    if (then === current) return [];
    const event = [...later].reverse().find((item) => item.changes.some((change) => change.field === field));
    const by = event ? (event.actor.name ?? event.actor.id) : undefined;
    return [{ field, then, now: current, ...(by ? { by } : {}) }];
  });
}
