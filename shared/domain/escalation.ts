import type { ServiceDeskConfig } from '../config/config-schema.ts';

export interface EscalationTarget {
  desk: string;
  level: string;
}

/**
 * Where a ticket goes when escalated: the desk's next level, or after its last level the first
 * level of the desk it escalates to. Undefined when there is nowhere further to go.
 */
export function escalationTarget(config: ServiceDeskConfig, deskId: string, levelId: string): EscalationTarget | undefined {
  const desk = config.desks.find((candidate) => candidate.id === deskId);
  if (!desk) return undefined;
  const index = desk.levels.findIndex((level) => level.id === levelId);
  const next = desk.levels[index + 1];
  if (index >= 0 && next) return { desk: desk.id, level: next.id };
  const nextDesk = desk.escalateTo === undefined ? undefined : config.desks.find((candidate) => candidate.id === desk.escalateTo);
  return nextDesk ? { desk: nextDesk.id, level: nextDesk.levels[0]!.id } : undefined;
}
