import { ValidationError } from '../errors.ts';
import { CUSTOM_FIELDS_TOO_LARGE, customFieldsFit } from './custom-fields.ts';
import type { FieldChange } from './history.ts';
import { priorityFrom, type Impact, type Priority, type Urgency } from './priority.ts';
import type { CustomFieldValue, Ticket, TicketType } from './ticket.ts';
import { allowedTransitions, canTransition, type TicketStatus } from './ticket-status.ts';

/** What an update may change; `null` clears an optional field. */
export interface TicketChanges {
  subject?: string;
  type?: TicketType;
  catalogItem?: string;
  status?: TicketStatus;
  priority?: Priority;
  impact?: Impact | null;
  urgency?: Urgency | null;
  category?: string[];
  desk?: string;
  level?: string;
  assignee?: string | null;
  tags?: string[];
  customFields?: Record<string, CustomFieldValue>;
}

export interface AppliedChanges {
  ticket: Ticket;
  changes: FieldChange[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Applies an update to a ticket: enforces status transitions, derives the priority from impact x
 * urgency when those move and no priority is given, stamps resolved/closed times, and lists every
 * field that really changed. Returns the ticket unchanged (and no changes) for a no-op update.
 */
export function applyTicketChanges(ticket: Ticket, update: TicketChanges, now: string): AppliedChanges {
  const next: Ticket = { ...ticket, customFields: { ...ticket.customFields } };
  const changes: FieldChange[] = [];
  const set = <K extends keyof Ticket>(field: K, value: Ticket[K] | undefined): void => {
    if (same(next[field], value)) return;
    changes.push({ field, from: next[field] ?? null, to: value ?? null });
    if (value === undefined) delete next[field];
    else next[field] = value;
  };

  if (update.status !== undefined && !canTransition(ticket.status, update.status)) {
    const allowed = allowedTransitions(ticket.status);
    throw new ValidationError(`A ${ticket.status} ticket cannot become ${update.status}`, [
      {
        path: 'status',
        message: allowed.length ? `from ${ticket.status} the status may become ${allowed.join(', ')}` : `a ${ticket.status} ticket is final`,
      },
    ]);
  }

  if (update.subject !== undefined) set('subject', update.subject);
  if (update.type !== undefined) set('type', update.type);
  if (update.catalogItem !== undefined) set('catalogItem', update.catalogItem);
  if (update.category !== undefined) set('category', update.category);
  if (update.desk !== undefined) set('desk', update.desk);
  if (update.level !== undefined) set('level', update.level);
  if (update.assignee !== undefined) set('assignee', update.assignee ?? undefined);
  if (update.tags !== undefined) set('tags', [...new Set(update.tags)]);
  if (update.impact !== undefined) set('impact', update.impact ?? undefined);
  if (update.urgency !== undefined) set('urgency', update.urgency ?? undefined);
  if (update.priority !== undefined) {
    set('priority', update.priority);
  } else if ((update.impact !== undefined || update.urgency !== undefined) && next.impact && next.urgency) {
    set('priority', priorityFrom(next.impact, next.urgency));
  }
  if (update.customFields !== undefined) {
    for (const [name, value] of Object.entries(update.customFields)) {
      // Own values only: a field named like an Object method ("constructor") has no value yet.
      const before = Object.hasOwn(next.customFields, name) ? next.customFields[name] : undefined;
      if (same(before, value)) continue;
      changes.push({ field: `customFields.${name}`, from: before ?? null, to: value });
      if (value === null) delete next.customFields[name];
      else next.customFields[name] = value;
    }
    if (!customFieldsFit(next.customFields)) {
      throw new ValidationError("The ticket's custom fields would be too large", [{ path: 'customFields', message: CUSTOM_FIELDS_TOO_LARGE }]);
    }
  }
  if (update.status !== undefined && update.status !== ticket.status) {
    set('status', update.status);
    if (update.status === 'resolved') set('resolvedAt', now);
    if (update.status === 'closed') {
      set('closedAt', now);
      if (!next.resolvedAt) set('resolvedAt', now);
    }
    if (ticket.status === 'resolved' && update.status === 'open') set('resolvedAt', undefined);
  }

  if (changes.length === 0) return { ticket, changes };
  next.updatedAt = now;
  next.version = ticket.version + 1;
  return { ticket: next, changes };
}
