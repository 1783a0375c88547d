import { actorOf, isStaff } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { SetAvailabilityBody } from '../http/api-schemas.ts';
import type { AssignmentStore } from '../ports/assignment-store.ts';
import { worksDesk } from './desk-assignment.ts';

export interface SetAvailabilityDeps {
  assignments: AssignmentStore;
  config: ServiceDeskConfig;
  now: () => Date;
}

export interface AvailabilityResult {
  agent: string;
  available: boolean;
}

/**
 * Marks a staff member available or not for automatic assignment. Allowed for the person itself,
 * a manager of a desk the person works, and admins. Setting the same value again changes nothing.
 */
export async function setAgentAvailability(deps: SetAvailabilityDeps, principal: Principal, email: string, body: SetAvailabilityBody): Promise<AvailabilityResult> {
  const agent = email.toLowerCase();
  if (principal.kind !== 'user' || !isStaff(principal)) throw new ForbiddenError('Only staff set agent availability');
  if (!deps.config.users.some((user) => user.email === agent)) throw new NotFoundError(`Agent ${agent} was not found`);

  const caller = principal.email;
  const managesAgent = principal.roles.includes('manager') && caller !== undefined && deps.config.desks.some((desk) => desk.managers.includes(caller) && worksDesk(desk, agent));
  if (caller !== agent && !principal.roles.includes('admin') && !managesAgent) {
    throw new ForbiddenError("Only the agent, a manager of the agent's desk or an admin sets availability");
  }
  await deps.assignments.setAvailability(agent, body.available, actorOf(principal).id, deps.now().toISOString());
  return { agent, available: body.available };
}
