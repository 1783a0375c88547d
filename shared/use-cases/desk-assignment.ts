import type { DeskConfig, ServiceDeskConfig } from '../config/config-schema.ts';
import { ValidationError } from '../errors.ts';

/** Looks up a desk by id; an unknown id is a 400 naming the field it came from. */
export function deskById(config: ServiceDeskConfig, id: string, field = 'desk'): DeskConfig {
  const desk = config.desks.find((candidate) => candidate.id === id);
  if (!desk) {
    throw new ValidationError(`Unknown desk ${id}`, [{ path: field, message: `unknown desk "${id}"; use one of ${config.desks.map((d) => d.id).join(', ')}` }]);
  }
  return desk;
}

export function requireLevel(desk: DeskConfig, level: string): void {
  if (!desk.levels.some((candidate) => candidate.id === level)) {
    throw new ValidationError(`Unknown level ${level}`, [{ path: 'level', message: `desk ${desk.id} has levels ${desk.levels.map((l) => l.id).join(', ')}` }]);
  }
}

/** Whether someone may hold tickets of this desk: a member of one of its levels or its manager. */
export function worksDesk(desk: DeskConfig, email: string): boolean {
  return desk.levels.some((level) => level.members.includes(email)) || desk.managers.includes(email);
}
