import type { SlaAction, SlaRecipient } from '../config/sla-schema.ts';
import { slaRecipientEmails } from '../domain/notifications.ts';
import type { FieldChange } from '../domain/history.ts';
import type { SlaTimer } from '../domain/sla-timer.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { WorkloadGuard } from '../ports/assignment-store.ts';
import { chooseAssignee, type AssignmentDeps } from './choose-assignee.ts';
import { deskById } from './desk-assignment.ts';
import { escalationLeavesRestrictedDesk, moveToEscalationTarget } from './escalate-ticket.ts';
import { withVersionRetry } from './version-retry.ts';

export type SlaFiringOutcome = 'applied' | 'stale' | 'duplicate' | 'missing';

const METRIC_NAMES = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' } as const;

/**
 * Applies a fired SLA threshold: records the warning or the breach on the ticket and takes the
 * threshold's actions (notify, reassign, escalate, set priority) in the same write. A firing
 * computed for an older SLA version is stale and ignored; one already applied is a duplicate
 * (at-least-once delivery), so nothing happens twice.
 */
export async function handleSlaTimer(deps: AssignmentDeps, firing: Pick<SlaTimer, 'ticketKey' | 'metric' | 'threshold' | 'slaVersion'>): Promise<SlaFiringOutcome> {
  return withVersionRetry(async () => {
    const ticket = await deps.store.getTicket(firing.ticketKey);
    if (!ticket) return 'missing';
    const sla = ticket.sla;
    if (!sla || sla.version !== firing.slaVersion) return 'stale';
    const clock = sla.clocks.find((candidate) => candidate.metric === firing.metric);
    if (!clock) return 'stale';
    if (clock.firedThresholds.includes(firing.threshold)) return 'duplicate';
    if (!clock.running || clock.metAt) return 'stale';

    const now = deps.now().toISOString();
    const policy = deps.config.slaPolicies.find((candidate) => candidate.id === sla.policy);
    const actions = policy?.thresholds.find((threshold) => threshold.percent === firing.threshold)?.actions ?? [];
    const next: Ticket = structuredClone(ticket);
    next.updatedAt = now;
    next.version = ticket.version + 1;
    const nextClock = next.sla!.clocks.find((candidate) => candidate.metric === firing.metric)!;
    nextClock.firedThresholds.push(firing.threshold);
    if (firing.threshold >= 100) nextClock.breachedAt = now;

    const details = [`${METRIC_NAMES[firing.metric]} ${firing.threshold >= 100 ? 'breached' : `at ${firing.threshold}% of its target`}`];
    const changes: FieldChange[] = [];
    let guard: WorkloadGuard | undefined;
    for (const action of orderActions(actions)) {
      const done = await applyAction(deps, action, next);
      details.push(done.detail);
      changes.push(...done.changes);
      guard = done.guard ?? guard;
    }
    await deps.store.saveTicket(ticket, next, { id: deps.newId(), ticketKey: ticket.key, at: now, actor: { kind: 'system', id: 'sla' }, action: 'sla', changes, detail: details.join('; ') }, undefined, guard);
    return 'applied';
  });
}

// Escalation last: it decides the final desk, level and assignee over a reassignment.
const orderActions = (actions: SlaAction[]): SlaAction[] => [...actions].sort((a, b) => Number(a.kind === 'escalate') - Number(b.kind === 'escalate'));

interface ActionResult {
  detail: string;
  changes: FieldChange[];
  guard?: WorkloadGuard;
}

async function applyAction(deps: AssignmentDeps, action: SlaAction, next: Ticket): Promise<ActionResult> {
  switch (action.kind) {
    case 'notify':
      // Delivery belongs to the notifications queue; the history says who is to be told.
      return { detail: `notify ${action.to.map((recipient) => recipientText(deps, recipient, next)).join(', ')}`, changes: [] };
    case 'set_priority': {
      if (next.priority === action.priority) return { detail: `priority stays ${action.priority}`, changes: [] };
      const change = { field: 'priority', from: next.priority, to: action.priority };
      next.priority = action.priority;
      return { detail: `priority ${change.from} -> ${action.priority}`, changes: [change] };
    }
    case 'reassign': {
      const choice = await chooseAssignee(deps, deskById(deps.config, next.desk), next.level);
      return { ...assign(next, choice.assignee), detail: `reassign: ${choice.reason}`, ...(choice.guard ? { guard: choice.guard } : {}) };
    }
    case 'escalate': {
      if (escalationLeavesRestrictedDesk(deps, next)) {
        return { detail: `escalate: ${next.desk}/${next.level} is a restricted desk; only a person moves a ticket and its internal notes out of it`, changes: [] };
      }
      const move = await moveToEscalationTarget(deps, next);
      if (!move) return { detail: `escalate: ${next.desk}/${next.level} escalates nowhere`, changes: [] };
      return {
        detail: `escalate to ${move.target.desk}/${move.target.level}; ${move.choice.reason}`,
        changes: move.changes,
        ...(move.choice.guard ? { guard: move.choice.guard } : {}),
      };
    }
  }
}

function assign(next: Ticket, assignee: string | undefined): { changes: FieldChange[] } {
  if (next.assignee === assignee) return { changes: [] };
  const change = { field: 'assignee', from: next.assignee ?? null, to: assignee ?? null };
  if (assignee) next.assignee = assignee;
  else delete next.assignee;
  return { changes: [change] };
}

function recipientText(deps: AssignmentDeps, recipient: SlaRecipient, ticket: Ticket): string {
  // The requester is named by role only; staff are listed, as the desk would look them up.
  if (recipient === 'requester') return 'requester';
  const emails = slaRecipientEmails(recipient, ticket, deps.config);
  return `${recipient.replace('_', ' ')} (${emails.join(', ') || 'none'})`;
}
