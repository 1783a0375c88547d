import type { AssignmentDeps } from '../use-cases/choose-assignee.ts';
import { assignmentStoreFromEnv } from './assignment-store-from-env.ts';
import { ticketDepsFromEnv } from './ticket-deps-from-env.ts';

/** The ticket dependencies plus the assignment store, for use cases that route and assign. */
export function assignmentDepsFromEnv(): AssignmentDeps {
  return { ...ticketDepsFromEnv(), assignments: assignmentStoreFromEnv() };
}
