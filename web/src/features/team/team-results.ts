import type { ListPage } from '../../lib/paging/use-more-pages';
import type { Ticket } from './api/list-desk-tickets';

/** One agent's open tickets, as the team view's loader reads them. */
export type AgentTickets = ListPage<Ticket>;

/** What the action answers: an assignment or an availability change, and how it went. */
export type AssignResult = { intent: 'assign'; key: string; assignee: string; name: string } & ({ ok: true } | { ok: false; reason: 'stale' | 'forbidden' | 'network' | 'refused'; message?: string });
export type AvailabilityResult = { intent: 'availability'; email: string } & ({ ok: true } | { ok: false; reason: 'forbidden' | 'failed' });
export type TeamActionResult = AssignResult | AvailabilityResult;
