import { isStaff, staffDesks } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { AssignmentMethod, ServiceDeskConfig, StaffRole } from '../config/config-schema.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { AssignmentStore } from '../ports/assignment-store.ts';
import type { QueueCountReader } from '../ports/queue-counts.ts';

export interface DeskTeamDeps {
  config: ServiceDeskConfig;
  counts: QueueCountReader;
  assignments: Pick<AssignmentStore, 'availability'>;
}

export interface TeamMember {
  email: string;
  name: string;
  role: StaffRole;
  available: boolean;
  openTickets: number;
  atRisk: number;
  breached: number;
}

export interface DeskTeam {
  desk: { id: string; name: string };
  unassigned: number;
  levels: { id: string; name: string; assignment: AssignmentMethod; members: TeamMember[] }[];
}

/**
 * A desk's people by level with their availability and load, and the desk's unassigned count: the
 * assignee picker and the manager's team view. From the configuration and the counters (GetItems
 * in parallel; an agent with no items is available and has nothing). For the staff of the desk
 * (admins: unrestricted desks); machine clients have no scope for it.
 */
export async function getDeskTeam(deps: DeskTeamDeps, principal: Principal, deskId: string): Promise<DeskTeam> {
  if (principal.kind === 'client') throw new ForbiddenError('The team view is for staff');
  const desk = deps.config.desks.find((candidate) => candidate.id === deskId);
  if (!desk) throw new NotFoundError(`There is no desk ${deskId}`);
  if (!isStaff(principal) || !staffDesks(principal, deps.config).includes(desk.id)) throw new ForbiddenError(`You do not work desk ${desk.id}`);

  const emails = [...new Set(desk.levels.flatMap((level) => level.members))];
  const [[deskCounts], agentCounts, availability] = await Promise.all([deps.counts.deskCounts([desk.id]), deps.counts.agentCounts(emails), deps.assignments.availability(emails)]);
  const users = new Map(deps.config.users.map((user) => [user.email, user]));
  const counts = new Map(agentCounts.map((agent) => [agent.email, agent]));
  const member = (email: string): TeamMember => {
    const agent = counts.get(email);
    return {
      email,
      name: users.get(email)?.name ?? email,
      role: users.get(email)?.role ?? 'agent',
      available: availability.get(email) ?? true,
      openTickets: agent?.openTickets ?? 0,
      atRisk: agent?.atRisk ?? 0,
      breached: agent?.breached ?? 0,
    };
  };
  return {
    desk: { id: desk.id, name: desk.name },
    unassigned: deskCounts!.unassigned,
    levels: desk.levels.map((level) => ({ id: level.id, name: level.name, assignment: level.assignment, members: level.members.map(member) })),
  };
}
