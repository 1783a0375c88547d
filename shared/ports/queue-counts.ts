import type { AgentCounter, DeskCounter, LevelCounter } from '../domain/queue-counts.ts';

/** A desk's counters as stored, and those of each level that has any; a counter never written is zero. */
export interface DeskQueueCounts extends Record<DeskCounter, number> {
  desk: string;
  levels: Record<string, Record<LevelCounter, number>>;
}

/**
 * An agent's counters: `openTickets` is the workload count (assigned tickets in new, open, pending,
 * on_hold, which workload assignment compares), the others count assigned tickets in every active
 * status, pending approval included.
 */
export interface AgentQueueCounts extends Record<AgentCounter, number> {
  email: string;
  openTickets: number;
}

/** Reads the queue counters that the ticket transactions keep; strongly consistent GetItems, no Query of tickets. */
export interface QueueCountReader {
  /** The counters of these desks, in the order given. */
  deskCounts(desks: readonly string[]): Promise<DeskQueueCounts[]>;
  /** The counters of these agents, in the order given. */
  agentCounts(emails: readonly string[]): Promise<AgentQueueCounts[]>;
}
