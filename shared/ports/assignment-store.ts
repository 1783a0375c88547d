import type { WorkloadCandidate } from '../domain/assignment.ts';
import { ConflictError } from '../errors.ts';

/** An agent's open-ticket counter; agents never assigned anything have zero. */
export type AgentWorkload = WorkloadCandidate;

/** Whether an agent takes new tickets, and who said so when. */
export interface AgentAvailability {
  email: string;
  available: boolean;
  updatedAt: string;
  /** Email (or client id) of whoever set it. */
  updatedBy: string;
}

/**
 * What a workload pick read: the ticket write that assigns `email` succeeds only if the agent still
 * has `openTickets`, so two concurrent picks cannot both give the least loaded agent a ticket.
 */
export interface WorkloadGuard {
  email: string;
  openTickets: number;
}

/** State the automatic assignment methods keep per agent and per desk level; no scans. */
export interface AssignmentStore {
  /** Atomically takes the next turn of a level's rotation (1, 2, 3, ...). */
  nextRotation(desk: string, level: string): Promise<number>;
  /** Open-ticket counters of these agents, in the order given; strongly consistent. */
  workloads(emails: readonly string[]): Promise<AgentWorkload[]>;
  /** Availability of each agent given; agents that never set it are available. */
  availability(emails: readonly string[]): Promise<Map<string, boolean>>;
  setAvailability(email: string, available: boolean, by: string, now: string): Promise<AgentAvailability>;
}

/** A guarded ticket write found the picked agent's workload changed since it was read; pick again. */
export class AssignmentRaceError extends ConflictError {
  constructor(readonly agent: string) {
    super('The chosen agent received another ticket meanwhile; choose again');
  }
}
