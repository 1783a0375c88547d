import * as z from '../schema/zod-mini.ts';
import { CHANNELS } from '../domain/ticket.ts';
import { PRIORITIES, type Priority } from '../domain/priority.ts';
import { TICKET_STATUSES } from '../domain/ticket-status.ts';
import { catalogItemId, deskId, email } from './field-schemas.ts';

/**
 * The list routes' query strings (filters, order and pages), as the functions validate them
 * (zod/mini, see shared/schema/zod-mini.ts); the other routes' queries are in query-schemas.ts.
 */

/** `status` takes one or more statuses separated by commas, or `active` (default) or `all`. */
const statusFilter = z
  ._default(
    z.string().check(
      z.regex(/^(active|all|[a-z_]+(,[a-z_]+)*)$/, 'use active, all, or statuses separated by commas'),
      z.refine((value) => ['active', 'all'].includes(value) || value.split(',').every((s) => (TICKET_STATUSES as readonly string[]).includes(s)), {
        message: `statuses are ${TICKET_STATUSES.join(', ')}`,
      }),
    ),
    'active',
  )
  .check(z.describe('Statuses separated by commas (`open,pending`), `active` (the default: pending_approval, new, open, pending and on_hold) or `all`'));

/** Where the next page starts; a page's `limit` is its size. */
const cursorParameter = z.optional(z.string().check(z.maxLength(4000))).check(z.describe('The `nextCursor` of the previous page; left out for the first page'));
const pageSize = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), fallback).check(z.describe('How many items a page holds at most'));

// Filters of the queue lists (GET /tickets, GET /desks/{id}/queue), all applied by the store.
const priorityFilter = z
  .optional(
    z.pipe(
      z.string().check(
        z.refine((value) => value.split(',').every((priority) => (PRIORITIES as readonly string[]).includes(priority)), {
          message: `use one or more of ${PRIORITIES.join(', ')}, separated by commas`,
        }),
      ),
      z.transform((value: string) => [...new Set(value.split(','))] as Priority[]),
    ),
  )
  .check(z.describe('Only these priorities, separated by commas: P1 or P1,P2'));
const channelFilter = z.optional(z.enum(CHANNELS)).check(z.describe('Only tickets that came in this way'));
const catalogItemFilter = catalogItemId('Only tickets of this catalog item (GET /catalog)');
const slaFilter = z.optional(z.enum(['at_risk', 'breached'])).check(z.describe('Only tickets whose SLA is at risk (a warning fired) or breached'));
const orderOption = z
  .optional(z.enum(['priority', 'due']))
  .check(
    z.describe('priority (default): priority, then age; due: the nearest SLA deadline first (breached ones first, tickets with no running clock last, by priority and age); due lists active statuses only'),
  );

/** What both queue lists take after their own fields: the store's filters, the order and a page. */
const queueFilters = {
  sla: slaFilter,
  priority: priorityFilter,
  channel: channelFilter,
  catalogItem: catalogItemFilter,
  order: orderOption,
  cursor: cursorParameter,
  limit: pageSize(25),
};

export const listTicketsQuerySchema = z.strictObject({
  desk: z.optional(deskId).check(z.describe("A desk's queue: its tickets (staff of the desk, read clients)")),
  status: statusFilter,
  assignee: z.optional(z.union([z.literal('me'), email])).check(z.describe('An agent email, or me')),
  requester: z.optional(email).check(z.describe("A requester's tickets, newest first; requesters may give only their own address")),
  ...queueFilters,
});

export const deskQueueQuerySchema = z.strictObject({
  level: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a level id'))).check(z.describe('One level of the desk, by id; every level by default')),
  status: statusFilter,
  assignee: z.optional(z.union([z.literal('me'), z.literal('none'), email])).check(z.describe('An agent email, me, or none for unassigned tickets')),
  ...queueFilters,
});

/** `GET /me/approvals`: a page of the requests waiting for the caller's decision. */
export const myApprovalsQuerySchema = z.strictObject({
  cursor: cursorParameter,
  limit: pageSize(25),
});

export const quarantineQuerySchema = z.strictObject({
  day: z.optional(z.iso.date()).check(z.describe('UTC day, YYYY-MM-DD; today by default')),
});

export const historyQuerySchema = z.strictObject({
  cursor: cursorParameter,
  limit: pageSize(50),
});

export type ListTicketsQuery = z.output<typeof listTicketsQuerySchema>;
export type DeskQueueQuery = z.output<typeof deskQueueQuerySchema>;
