import type { AssignmentMethod, DeskConfig } from '../config/config-schema.ts';
import { availableMembers, ordinal, pickLeastLoaded, pickRoundRobin } from '../domain/assignment.ts';
import { ValidationError } from '../errors.ts';
import type { AssignmentStore, WorkloadGuard } from '../ports/assignment-store.ts';
import type { TicketDeps } from './ticket-deps.ts';

export type AssignmentDeps = TicketDeps & { assignments: AssignmentStore };

/** Who should get a ticket that arrives on a level, how that was decided, and why (for the history). */
export interface AssigneeChoice {
  /** Undefined: the ticket waits in the level's queue. */
  assignee?: string;
  method: AssignmentMethod;
  /** Set by the workload method: pass it to the ticket write, and choose again on AssignmentRaceError. */
  guard?: WorkloadGuard;
  reason: string;
}

/**
 * Chooses the agent for a ticket arriving on a desk level, by the level's assignment method.
 * round_robin and workload only consider members who are available; free and manual assign nobody.
 */
export async function chooseAssignee(deps: AssignmentDeps, desk: DeskConfig, levelId: string): Promise<AssigneeChoice> {
  const level = desk.levels.find((candidate) => candidate.id === levelId);
  if (!level) {
    throw new ValidationError(`Unknown level ${levelId}`, [{ path: 'level', message: `desk ${desk.id} has levels ${desk.levels.map((l) => l.id).join(', ')}` }]);
  }
  const method = level.assignment;
  if (method === 'free') return { method, reason: 'free: agents take tickets from the queue' };
  if (method === 'manual') return { method, reason: 'manual: a manager assigns the ticket' };

  const members = level.members.length ? availableMembers(level.members, await deps.assignments.availability(level.members)) : [];
  if (members.length === 0) return { method, reason: `no available agent on level ${level.id}` };

  if (method === 'round_robin') {
    const position = await deps.assignments.nextRotation(desk.id, level.id);
    const assignee = pickRoundRobin(members, position)!;
    const turn = members.indexOf(assignee) + 1;
    return { assignee, method, reason: `round robin: ${ordinal(turn)} of ${members.length} available agents` };
  }

  const picked = pickLeastLoaded(await deps.assignments.workloads(members))!;
  return {
    assignee: picked.email,
    method,
    guard: { email: picked.email, openTickets: picked.openTickets },
    reason: `workload: fewest open tickets (${picked.openTickets})`,
  };
}
