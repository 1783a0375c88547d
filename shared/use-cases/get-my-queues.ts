import { isStaff, staffDesks } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { ForbiddenError } from '../errors.ts';
import type { QueueCountReader } from '../ports/queue-counts.ts';

export interface MyQueuesDeps {
  config: ServiceDeskConfig;
  counts: QueueCountReader;
}

interface Counts {
  active: number;
  atRisk: number;
  breached: number;
}

/** One desk of the console's sidebar, and its levels. */
export interface DeskQueueSummary extends Counts {
  id: string;
  name: string;
  unassigned: number;
  levels: { id: string; name: string; active: number; unassigned: number }[];
}

export interface MyQueues {
  /** The caller's assigned active tickets (pending approval included), at risk and breached. */
  mine: Counts;
  desks: DeskQueueSummary[];
}

/**
 * The counts of the console's sidebar: the caller's own work and every desk the caller works, read
 * from the counters the ticket transactions keep (one GetItem each, in parallel; no ticket is
 * read). Staff only: requesters and machine clients have no queues.
 */
export async function getMyQueues(deps: MyQueuesDeps, principal: Principal): Promise<MyQueues> {
  if (principal.kind !== 'user' || !isStaff(principal)) throw new ForbiddenError('Queues are for staff');
  if (!principal.email) throw new ForbiddenError('Your own work needs a verified email address');
  const deskIds = staffDesks(principal, deps.config);
  const [[agent], desks] = await Promise.all([deps.counts.agentCounts([principal.email]), deps.counts.deskCounts(deskIds)]);
  return {
    mine: { active: agent!.active, atRisk: agent!.atRisk, breached: agent!.breached },
    desks: desks.map((counts) => {
      const desk = deps.config.desks.find((candidate) => candidate.id === counts.desk)!;
      return {
        id: desk.id,
        name: desk.name,
        active: counts.active,
        unassigned: counts.unassigned,
        atRisk: counts.atRisk,
        breached: counts.breached,
        levels: desk.levels.map((level) => ({
          id: level.id,
          name: level.name,
          active: counts.levels[level.id]?.active ?? 0,
          unassigned: counts.levels[level.id]?.unassigned ?? 0,
        })),
      };
    }),
  };
}
