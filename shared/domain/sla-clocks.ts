import type { SlaPolicy } from '../config/sla-schema.ts';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './business-calendar.ts';
import { displayState, type SlaClock, type TicketSla } from './sla.ts';
import type { SlaMetric } from './sla-timer.ts';
import type { Ticket } from './ticket.ts';

/** Deadlines that differ by less than this are the same deadline (float minutes round-trip through dates). */
const SAME_INSTANT_MS = 1000;

const TARGET_OF: Record<SlaMetric, keyof SlaPolicy['targets']> = {
  first_response: 'firstResponse',
  next_response: 'nextResponse',
  resolution: 'resolution',
};

export interface SlaContext {
  policy: SlaPolicy | undefined;
  calendar: BusinessCalendar | undefined;
}

/**
 * Brings a ticket's SLA clocks (`base`: as the writer left them, usually as they were read) up to
 * `now` after a change: accounts the working time since the last
 * change as consumed (clock running) or paused, marks metrics met, starts a new next-response cycle
 * when the requester answers, pauses in the policy's pause statuses (and while approval is pending),
 * and computes the deadline and the due instant of every threshold not yet fired. The version moves
 * only when a deadline or a clock's state moves, so unchanged timers keep their names.
 */
export function advanceSla(base: TicketSla | undefined, ticket: Ticket, now: Date, context: SlaContext): TicketSla | undefined {
  const previous = base;
  const { policy, calendar } = context;
  if (!policy || !calendar) return undefined;
  const at = now.toISOString();
  const clocks: SlaClock[] = [];
  for (const metric of ['first_response', 'next_response', 'resolution'] as const) {
    const target = policy.targets[TARGET_OF[metric]];
    if (target === undefined) continue;
    const before = previous?.clocks.find((clock) => clock.metric === metric);
    const clock = advanceClock(metric, before, target, ticket, now, at, policy, calendar);
    if (clock) clocks.push(clock);
  }
  const sla: TicketSla = { policy: policy.id, version: previous?.version ?? 0, clocks };
  if (!previous || previous.policy !== policy.id || timersMoved(previous.clocks, clocks)) sla.version += 1;
  return sla;
}

function advanceClock(metric: SlaMetric, before: SlaClock | undefined, target: number, ticket: Ticket, now: Date, at: string, policy: SlaPolicy, calendar: BusinessCalendar): SlaClock | undefined {
  const start = startOf(metric, ticket, before);
  if (!start) return undefined;
  const fresh = !before || start !== before.startedAt;
  const clock: SlaClock = fresh
    ? { metric, state: 'running', targetMinutes: target, startedAt: start, asOf: start, consumedMinutes: 0, pausedMinutes: 0, running: true, due: {}, firedThresholds: [] }
    : { ...before, targetMinutes: target, due: {}, firedThresholds: [...before.firedThresholds] };

  // Account the time since the last change in the state the clock was in.
  if (!clock.metAt && Date.parse(clock.asOf) < now.getTime()) {
    const spent = businessMinutesBetween(calendar, new Date(clock.asOf), now);
    if (clock.running) clock.consumedMinutes += spent;
    else clock.pausedMinutes += spent;
  }
  clock.asOf = at;

  const metAt = metAtOf(metric, ticket, clock);
  if (metAt) clock.metAt = metAt;
  else delete clock.metAt; // a reopened ticket's resolution clock runs again

  const stopped = ticket.status === 'closed' || ticket.status === 'resolved';
  clock.running = !clock.metAt && !stopped && ticket.status !== 'pending_approval' && !policy.pauseOn.includes(ticket.status);
  delete clock.deadline;
  if (clock.running) {
    clock.deadline = addBusinessMinutes(calendar, now, Math.max(target - clock.consumedMinutes, 0)).toISOString();
    const percents = new Set([...policy.thresholds.map((threshold) => threshold.percent), 100]);
    for (const percent of percents) {
      if (clock.firedThresholds.includes(percent)) continue;
      const remaining = Math.max((target * percent) / 100 - clock.consumedMinutes, 0);
      clock.due[String(percent)] = addBusinessMinutes(calendar, now, remaining).toISOString();
    }
  }
  clock.state = displayState(clock);
  return clock;
}

/** When a metric's clock starts: at creation, or for next response when the requester answered after a first response. */
function startOf(metric: SlaMetric, ticket: Ticket, before: SlaClock | undefined): string | undefined {
  if (metric !== 'next_response') return ticket.createdAt;
  const reply = ticket.lastPublicReply;
  if (!ticket.firstResponseAt || reply?.by !== 'requester') return before?.startedAt;
  // A new cycle only when the requester wrote after the current cycle began.
  if (before && reply.at <= before.startedAt) return before.startedAt;
  return reply.at;
}

function metAtOf(metric: SlaMetric, ticket: Ticket, clock: SlaClock): string | undefined {
  switch (metric) {
    case 'first_response':
      return ticket.firstResponseAt;
    case 'resolution':
      return ticket.status === 'resolved' || ticket.status === 'closed' ? (ticket.resolvedAt ?? ticket.closedAt ?? clock.asOf) : undefined;
    case 'next_response': {
      const reply = ticket.lastPublicReply;
      return reply?.by === 'agent' && reply.at >= clock.startedAt ? reply.at : clock.metAt;
    }
  }
}

function timersMoved(before: SlaClock[], after: SlaClock[]): boolean {
  if (before.length !== after.length) return true;
  return after.some((clock) => {
    const old = before.find((candidate) => candidate.metric === clock.metric);
    if (!old || old.startedAt !== clock.startedAt || old.running !== clock.running) return true;
    // A threshold that fired leaves `due` without moving the others.
    const dropped = Object.keys(old.due).filter((key) => !(key in clock.due) && !clock.firedThresholds.includes(Number(key)));
    if (dropped.length > 0) return true;
    return Object.entries(clock.due).some(([key, at]) => {
      const was = old.due[key];
      return was === undefined || Math.abs(Date.parse(was) - Date.parse(at)) >= SAME_INSTANT_MS;
    });
  });
}
