import type * as z from 'zod';
import type { CalendarConfig } from './calendar-schema.ts';
import type { CatalogNode } from './catalog-schema.ts';
import type { DirectoryEntry, Group } from './directory-schema.ts';
import type { RoutingRule } from './routing-schema.ts';
import type { SignInConfig } from './sign-in-schema.ts';
import type { SlaPolicy } from './sla-schema.ts';

type Path = (string | number)[];

/**
 * What the check reads of a configuration: written out here rather than taken from
 * config-schema.ts, whose schema runs this check, so that neither module needs the other.
 */
interface ReferencedConfig {
  defaultDesk: string;
  users: { email: string; role: string }[];
  desks: { id: string; levels: { id: string; members: string[]; assignment: string }[]; managers: string[]; escalateTo?: string | undefined }[];
  directory: DirectoryEntry[];
  groups: Group[];
  catalog: CatalogNode[];
  routingRules: RoutingRule[];
  calendars: CalendarConfig[];
  slaPolicies: SlaPolicy[];
  signIn: SignInConfig;
}

/**
 * Checks what a schema cannot see field by field: that every desk, level, user, group and catalog
 * node a configuration names exists, and that ids are unique. Each problem names its path.
 */
export function checkConfigReferences(config: ReferencedConfig, ctx: z.RefinementCtx): void {
  const problem = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const staff = new Map(config.users.map((user) => [user.email, user]));
  const desks = new Map(config.desks.map((desk) => [desk.id, desk]));
  const deskIds = [...desks.keys()];
  const groups = new Set(config.groups.map((group) => group.id));

  duplicates(config.users.map((user) => user.email)).forEach((index) => problem(['users', index, 'email'], `duplicate user ${config.users[index]!.email}`));
  duplicates(config.directory.map((entry) => entry.email)).forEach((index) => problem(['directory', index, 'email'], `duplicate entry ${config.directory[index]!.email}`));
  duplicates(config.groups.map((group) => group.id)).forEach((index) => problem(['groups', index, 'id'], `duplicate group id "${config.groups[index]!.id}"`));
  duplicates(config.signIn.identityProviders.map((provider) => provider.id.toLowerCase())).forEach((index) =>
    problem(['signIn', 'identityProviders', index, 'id'], `duplicate identity provider id "${config.signIn.identityProviders[index]!.id}"`),
  );
  duplicates(config.desks.map((desk) => desk.id)).forEach((index) => problem(['desks', index, 'id'], `duplicate desk id "${config.desks[index]!.id}"`));

  config.desks.forEach((desk, deskIndex) => {
    duplicates(desk.levels.map((level) => level.id)).forEach((index) => problem(['desks', deskIndex, 'levels', index, 'id'], `duplicate level id "${desk.levels[index]!.id}"`));
    desk.levels.forEach((level, levelIndex) => {
      const path = ['desks', deskIndex, 'levels', levelIndex];
      level.members.forEach((member, memberIndex) => {
        if (!staff.has(member)) problem([...path, 'members', memberIndex], `${member} is not in users; add it there with role agent, manager or admin`);
      });
      if ((level.assignment === 'round_robin' || level.assignment === 'workload') && level.members.length === 0) {
        problem([...path, 'assignment'], `${level.assignment} assignment needs members; add agents or use free or manual`);
      }
    });
    desk.managers.forEach((manager, managerIndex) => {
      const user = staff.get(manager);
      if (!user || user.role === 'agent') problem(['desks', deskIndex, 'managers', managerIndex], `${manager} must be in users with role manager or admin`);
    });
    if (desk.escalateTo !== undefined && (!desks.has(desk.escalateTo) || desk.escalateTo === desk.id)) {
      problem(['desks', deskIndex, 'escalateTo'], `"${desk.escalateTo}" must be another desk: ${deskIds.filter((id) => id !== desk.id).join(', ')}`);
    }
  });
  if (!desks.has(config.defaultDesk)) problem(['defaultDesk'], `"${config.defaultDesk}" is not a desk id; use one of ${deskIds.join(', ')}`);

  const catalogIds = new Map<string, Path>();
  const visit = (node: CatalogNode, path: Path, inheritedDesk: string | undefined) => {
    if (catalogIds.has(node.id)) problem([...path, 'id'], `duplicate catalog id "${node.id}"`);
    catalogIds.set(node.id, path);
    if (node.desk !== undefined && !desks.has(node.desk)) problem([...path, 'desk'], `unknown desk "${node.desk}"; use one of ${deskIds.join(', ')}`);
    const deskId = node.desk ?? inheritedDesk ?? config.defaultDesk;
    const desk = desks.get(deskId);
    if (node.level !== undefined && desk && !desk.levels.some((level) => level.id === node.level)) {
      problem([...path, 'level'], `desk ${deskId} has no level "${node.level}"; it has ${desk.levels.map((level) => level.id).join(', ')}`);
    }
    node.approval.forEach((step, stepIndex) => {
      if (step.kind === 'group' && !groups.has(step.group)) problem([...path, 'approval', stepIndex, 'group'], `unknown group "${step.group}"`);
    });
    duplicates(node.form.map((field) => field.id)).forEach((index) => problem([...path, 'form', index, 'id'], `duplicate field id "${node.form[index]!.id}"`));
    node.children.forEach((child, childIndex) => visit(child, [...path, 'children', childIndex], deskId));
  };
  config.catalog.forEach((node, index) => visit(node, ['catalog', index], undefined));

  checkSlaReferences(config, problem, catalogIds);

  duplicates(config.routingRules.map((rule) => rule.id)).forEach((index) => problem(['routingRules', index, 'id'], `duplicate rule id "${config.routingRules[index]!.id}"`));
  config.routingRules.forEach((rule, ruleIndex) => {
    const path = ['routingRules', ruleIndex];
    const desk = rule.then.desk === undefined ? undefined : desks.get(rule.then.desk);
    if (rule.then.desk !== undefined && !desk) problem([...path, 'then', 'desk'], `unknown desk "${rule.then.desk}"; use one of ${deskIds.join(', ')}`);
    if (rule.then.level !== undefined) {
      const candidates = desk ? [desk] : config.desks;
      if (!candidates.some((candidate) => candidate.levels.some((level) => level.id === rule.then.level))) {
        problem([...path, 'then', 'level'], `no ${desk ? `level of desk ${desk.id}` : 'desk has a level'} "${rule.then.level}"`);
      }
    }
    rule.when.catalog?.forEach((id, index) => {
      if (!catalogIds.has(id)) problem([...path, 'when', 'catalog', index], `unknown catalog id "${id}"`);
    });
  });
}

function checkSlaReferences(config: ReferencedConfig, problem: (path: Path, message: string) => void, catalogIds: Map<string, Path>): void {
  const calendarIds = config.calendars.map((calendar) => calendar.id);
  duplicates(calendarIds).forEach((index) => problem(['calendars', index, 'id'], `duplicate calendar id "${calendarIds[index]}"`));
  duplicates(config.slaPolicies.map((policy) => policy.id)).forEach((index) => problem(['slaPolicies', index, 'id'], `duplicate policy id "${config.slaPolicies[index]!.id}"`));
  const deskIds = config.desks.map((desk) => desk.id);
  config.slaPolicies.forEach((policy, index) => {
    const path = ['slaPolicies', index];
    if (!calendarIds.includes(policy.calendar)) {
      problem([...path, 'calendar'], `unknown calendar "${policy.calendar}"; define it under calendars (${calendarIds.join(', ') || 'none yet'})`);
    }
    policy.when.desks?.forEach((desk, deskIndex) => {
      if (!deskIds.includes(desk)) problem([...path, 'when', 'desks', deskIndex], `unknown desk "${desk}"; use one of ${deskIds.join(', ')}`);
    });
    policy.when.catalog?.forEach((id, idIndex) => {
      if (!catalogIds.has(id)) problem([...path, 'when', 'catalog', idIndex], `unknown catalog id "${id}"`);
    });
  });
}

/** Indexes of the values that already appeared earlier in the list. */
function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    if (seen.has(value)) return [index];
    seen.add(value);
    return [];
  });
}
