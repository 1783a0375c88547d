import { ticketSlaAttention } from './sla.ts';
import type { Ticket } from './ticket.ts';
import { isActive } from './ticket-status.ts';

/** What a desk counts of its active tickets; a level counts `active` and `unassigned` of its own. */
export type DeskCounter = 'active' | 'unassigned' | 'atRisk' | 'breached';
export type LevelCounter = Extract<DeskCounter, 'active' | 'unassigned'>;
/** What an agent counts of the active tickets assigned to them. */
export type AgentCounter = 'active' | 'atRisk' | 'breached';

/** One desk's counters that move, and those of its levels that move (level id to counter to delta). */
export interface DeskCountChange {
  desk: string;
  counts: Partial<Record<DeskCounter, number>>;
  levels: Record<string, Partial<Record<LevelCounter, number>>>;
}

/** One agent's counters that move. */
export interface AgentCountChange {
  email: string;
  counts: Partial<Record<AgentCounter, number>>;
}

export interface QueueCountChanges {
  desks: DeskCountChange[];
  agents: AgentCountChange[];
}

type Contribution = { kind: 'desk'; desk: string; counter: DeskCounter } | { kind: 'level'; desk: string; level: string; counter: LevelCounter } | { kind: 'agent'; email: string; counter: AgentCounter };

/** The counters one ticket adds one to: none unless it is active. */
function contributions(ticket: Ticket | undefined): Contribution[] {
  if (!ticket || !isActive(ticket.status)) return [];
  const { desk, level, assignee } = ticket;
  const attention = ticketSlaAttention(ticket.sla);
  const attentionCounter = attention === 'at_risk' ? 'atRisk' : attention;
  const counted: Contribution[] = [
    { kind: 'desk', desk, counter: 'active' },
    { kind: 'level', desk, level, counter: 'active' },
  ];
  if (!assignee) counted.push({ kind: 'desk', desk, counter: 'unassigned' }, { kind: 'level', desk, level, counter: 'unassigned' });
  if (attentionCounter) counted.push({ kind: 'desk', desk, counter: attentionCounter });
  if (assignee) {
    counted.push({ kind: 'agent', email: assignee, counter: 'active' });
    if (attentionCounter) counted.push({ kind: 'agent', email: assignee, counter: attentionCounter });
  }
  return counted;
}

/**
 * How the queue counters move when `previous` becomes `next` (`previous` undefined for a new
 * ticket): per desk its active, unassigned, at-risk and breached tickets and each level's active
 * and unassigned ones; per agent their assigned active tickets, at risk and breached. Only
 * counters that move are listed, and every desk or agent at most once, so each counter item is
 * written once per transaction; a change that moves nothing (a comment, a new subject) is empty.
 */
export function queueCountChanges(previous: Ticket | undefined, next: Ticket): QueueCountChanges {
  const deltas = new Map<string, { contribution: Contribution; delta: number }>();
  const add = (contribution: Contribution, delta: number) => {
    const id = JSON.stringify(contribution);
    const entry = deltas.get(id) ?? { contribution, delta: 0 };
    entry.delta += delta;
    deltas.set(id, entry);
  };
  for (const contribution of contributions(previous)) add(contribution, -1);
  for (const contribution of contributions(next)) add(contribution, 1);

  const desks = new Map<string, DeskCountChange>();
  const agents = new Map<string, AgentCountChange>();
  const deskChange = (desk: string): DeskCountChange => {
    let change = desks.get(desk);
    if (!change) desks.set(desk, (change = { desk, counts: {}, levels: {} }));
    return change;
  };
  for (const { contribution, delta } of deltas.values()) {
    if (delta === 0) continue;
    if (contribution.kind === 'desk') deskChange(contribution.desk).counts[contribution.counter] = delta;
    else if (contribution.kind === 'level') (deskChange(contribution.desk).levels[contribution.level] ??= {})[contribution.counter] = delta;
    else {
      let change = agents.get(contribution.email);
      if (!change) agents.set(contribution.email, (change = { email: contribution.email, counts: {} }));
      change.counts[contribution.counter] = delta;
    }
  }
  return { desks: [...desks.values()], agents: [...agents.values()] };
}
