import type { DeskConfig, ServiceDeskConfig } from '../config/config-schema.ts';
import type { RoutingConditions } from '../config/routing-schema.ts';
import { isWithin, type ResolvedCatalogItem } from './catalog.ts';
import { DEFAULT_PRIORITY, type Priority } from './priority.ts';
import type { Channel, Requester } from './ticket.ts';

export interface RoutingInput {
  config: ServiceDeskConfig;
  /** The desk whose own address a mail was sent to: it starts there instead of the default desk. */
  addressedDesk?: string;
  /** The catalog item the request was made from, if any. */
  catalogItem?: ResolvedCatalogItem;
  requester: Requester;
  channel: Channel;
  subject: string;
  /** A priority given explicitly by staff or a client. */
  priority?: Priority;
  /** The priority the impact x urgency matrix gives, when both were given. */
  impactUrgencyPriority?: Priority;
}

/** One step that shaped the outcome, for the ticket's history ("routed by rule vip-to-l2"). */
export interface RoutingDecision {
  step: 'default' | 'address' | 'catalog' | 'rule';
  /** The catalog item's or the rule's id. */
  id?: string;
  detail: string;
}

export interface RoutingResult {
  desk: string;
  level: string;
  priority: Priority;
  tags: string[];
  decisions: RoutingDecision[];
}

/**
 * Decides where a new ticket goes and its priority. Desk and level start at the default desk's
 * first level (or that of the desk whose own address a mail was sent to), then take the catalog
 * item's desk and level, then the first routing rule (in configuration order) whose conditions all
 * hold; a desk without a level means its first level, and a rule's level that the resulting desk
 * lacks falls back to that desk's first level.
 *
 * Priority precedence: matching rule > explicit priority > catalog item > impact x urgency > P3.
 * Rules win over an explicit priority so that a policy such as "VIPs are P1" cannot be undone at
 * creation; the rule's `priorities` condition compares the priority before any rule applies.
 * Only the matching rule adds tags.
 */
export function routeRequest(input: RoutingInput): RoutingResult {
  const { config, catalogItem } = input;
  const decisions: RoutingDecision[] = [];

  const defaultDesk = deskOf(config, config.defaultDesk);
  let desk = defaultDesk;
  let level = firstLevel(defaultDesk);
  decisions.push({ step: 'default', detail: `default desk ${desk.id}, level ${level}` });
  if (input.addressedDesk !== undefined && input.addressedDesk !== desk.id) {
    desk = deskOf(config, input.addressedDesk);
    level = firstLevel(desk);
    decisions.push({ step: 'address', detail: `mailed to desk ${desk.id}'s address: desk ${desk.id}, level ${level}` });
  }

  let priority: Priority = input.priority ?? catalogItem?.priority ?? input.impactUrgencyPriority ?? DEFAULT_PRIORITY;

  if (catalogItem) {
    desk = deskOf(config, catalogItem.desk);
    const placed = levelIn(desk, catalogItem.level);
    level = placed.level;
    const parts = [`desk ${desk.id}, level ${level}`];
    if (placed.missing) parts.push(`(desk ${desk.id} has no level ${placed.missing}; used its first level)`);
    if (catalogItem.priority !== undefined) {
      parts.push(input.priority === undefined ? `priority ${catalogItem.priority}` : `priority ${catalogItem.priority} not applied: ${input.priority} was given`);
    }
    decisions.push({ step: 'catalog', id: catalogItem.node.id, detail: `catalog item ${catalogItem.names.join(' > ')}: ${parts.join(', ')}` });
  }

  const rule = config.routingRules.find((candidate) => ruleMatches(candidate.when, input, priority));
  let tags: string[] = [];
  if (rule) {
    const parts: string[] = [];
    if (rule.then.desk !== undefined) {
      const target = deskOf(config, rule.then.desk);
      // Another desk's level means nothing here: start at the new desk's first level unless the rule names one.
      if (target.id !== desk.id) level = firstLevel(target);
      desk = target;
      parts.push(`desk ${desk.id}`);
    }
    if (rule.then.level !== undefined) {
      const placed = levelIn(desk, rule.then.level);
      level = placed.level;
      parts.push(placed.missing ? `level ${level} (desk ${desk.id} has no level ${placed.missing}; used its first level)` : `level ${level}`);
    } else if (rule.then.desk !== undefined) {
      parts.push(`level ${level}`);
    }
    if (rule.then.priority !== undefined) {
      parts.push(`priority ${rule.then.priority}${rule.then.priority === priority ? '' : ` (was ${priority})`}`);
      priority = rule.then.priority;
    }
    if (rule.then.tags?.length) {
      tags = [...new Set(rule.then.tags)];
      parts.push(`tags ${tags.join(', ')}`);
    }
    decisions.push({ step: 'rule', id: rule.id, detail: `routed by rule ${rule.id}: ${parts.join(', ')}` });
  }

  return { desk: desk.id, level, priority, tags, decisions };
}

/** Whether every condition the rule gives holds; a rule without conditions matches every request. */
function ruleMatches(when: RoutingConditions, input: RoutingInput, priority: Priority): boolean {
  const { requester, catalogItem } = input;
  if (when.priorities && !when.priorities.includes(priority)) return false;
  if (when.vip !== undefined && (requester.vip ?? false) !== when.vip) return false;
  if (when.organisations && !matchesName(when.organisations, requester.organisation)) return false;
  if (when.locations && !matchesName(when.locations, requester.location)) return false;
  if (when.catalog && !(catalogItem && isWithin(input.config, catalogItem.node.id, when.catalog))) return false;
  if (when.channels && !when.channels.includes(input.channel)) return false;
  if (when.subjectKeywords) {
    const subject = input.subject.toLowerCase();
    if (!when.subjectKeywords.some((keyword) => subject.includes(keyword.toLowerCase()))) return false;
  }
  return true;
}

// Organisation and location names are typed by people in different places; case and spacing should not matter.
function matchesName(names: readonly string[], value: string | undefined): boolean {
  if (value === undefined) return false;
  const wanted = value.trim().toLowerCase();
  return names.some((name) => name.trim().toLowerCase() === wanted);
}

function deskOf(config: ServiceDeskConfig, id: string): DeskConfig {
  const desk = config.desks.find((candidate) => candidate.id === id);
  // The configuration checks every desk reference, so this is a programming error.
  if (!desk) throw new Error(`Routing names desk ${id}, which is not configured`);
  return desk;
}

const firstLevel = (desk: DeskConfig): string => desk.levels[0]!.id;

function levelIn(desk: DeskConfig, level: string | undefined): { level: string; missing?: string } {
  if (level === undefined) return { level: firstLevel(desk) };
  if (desk.levels.some((candidate) => candidate.id === level)) return { level };
  return { level: firstLevel(desk), missing: level };
}
