import { describe, expect, it } from 'vitest';
import { queueCountChanges } from '../../../shared/domain/queue-counts.ts';
import type { SlaClock, TicketSla } from '../../../shared/domain/sla.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const withAttention = (state: 'at_risk' | 'breached'): TicketSla => {
  const clock: SlaClock = {
    metric: 'resolution',
    state,
    targetMinutes: 60,
    startedAt: '2026-11-02T09:00:00.000Z',
    asOf: '2026-11-02T10:00:00.000Z',
    consumedMinutes: 60,
    pausedMinutes: 0,
    running: true,
    due: {},
    firedThresholds: state === 'breached' ? [75, 100] : [75],
    ...(state === 'breached' ? { breachedAt: '2026-11-02T10:00:00.000Z' } : {}),
  };
  return { policy: 'p', version: 2, clocks: [clock] };
};

describe('queue count changes', () => {
  it('count a new unassigned ticket on its desk and level, active and unassigned', () => {
    expect(queueCountChanges(undefined, aTicket())).toEqual({
      desks: [{ desk: 'it', counts: { active: 1, unassigned: 1 }, levels: { l1: { active: 1, unassigned: 1 } } }],
      agents: [],
    });
  });

  it('count a new assigned ticket for its agent, and not as unassigned', () => {
    expect(queueCountChanges(undefined, aTicket({ assignee: 'a@x.com' }))).toEqual({
      desks: [{ desk: 'it', counts: { active: 1 }, levels: { l1: { active: 1 } } }],
      agents: [{ email: 'a@x.com', counts: { active: 1 } }],
    });
  });

  it("move nothing on a change that counts nothing: a new subject, a comment's new version", () => {
    const ticket = aTicket({ assignee: 'a@x.com', sla: withAttention('at_risk') });
    expect(queueCountChanges(ticket, { ...ticket, subject: 'Another subject', version: 2 })).toEqual({ desks: [], agents: [] });
  });

  it('move the unassigned counts on assigning, and the agents on reassigning', () => {
    const unassigned = aTicket({ status: 'open' });
    expect(queueCountChanges(unassigned, { ...unassigned, assignee: 'a@x.com' })).toEqual({
      desks: [{ desk: 'it', counts: { unassigned: -1 }, levels: { l1: { unassigned: -1 } } }],
      agents: [{ email: 'a@x.com', counts: { active: 1 } }],
    });
    const assigned = aTicket({ status: 'open', assignee: 'a@x.com', sla: withAttention('breached') });
    expect(queueCountChanges(assigned, { ...assigned, assignee: 'b@x.com' })).toEqual({
      desks: [],
      agents: [
        { email: 'a@x.com', counts: { active: -1, breached: -1 } },
        { email: 'b@x.com', counts: { active: 1, breached: 1 } },
      ],
    });
  });

  it('move a ticket between levels on an escalation, and between desks on a move', () => {
    const ticket = aTicket({ status: 'open' });
    expect(queueCountChanges(ticket, { ...ticket, level: 'l2' })).toEqual({
      desks: [{ desk: 'it', counts: {}, levels: { l1: { active: -1, unassigned: -1 }, l2: { active: 1, unassigned: 1 } } }],
      agents: [],
    });
    expect(queueCountChanges(ticket, { ...ticket, desk: 'facilities' }).desks).toEqual([
      { desk: 'it', counts: { active: -1, unassigned: -1 }, levels: { l1: { active: -1, unassigned: -1 } } },
      { desk: 'facilities', counts: { active: 1, unassigned: 1 }, levels: { l1: { active: 1, unassigned: 1 } } },
    ]);
  });

  it('take a resolved ticket out of every count, and put a reopened one back', () => {
    const ticket = aTicket({ status: 'open', assignee: 'a@x.com', sla: withAttention('at_risk') });
    const resolved = { ...ticket, status: 'resolved' as const };
    expect(queueCountChanges(ticket, resolved)).toEqual({
      desks: [{ desk: 'it', counts: { active: -1, atRisk: -1 }, levels: { l1: { active: -1 } } }],
      agents: [{ email: 'a@x.com', counts: { active: -1, atRisk: -1 } }],
    });
    expect(queueCountChanges(resolved, ticket)).toEqual({
      desks: [{ desk: 'it', counts: { active: 1, atRisk: 1 }, levels: { l1: { active: 1 } } }],
      agents: [{ email: 'a@x.com', counts: { active: 1, atRisk: 1 } }],
    });
    expect(queueCountChanges(resolved, { ...resolved, status: 'closed' })).toEqual({ desks: [], agents: [] });
  });

  it('move a ticket from at risk to breached, counting it in one of the two only', () => {
    const ticket = aTicket({ status: 'open', assignee: 'a@x.com', sla: withAttention('at_risk') });
    expect(queueCountChanges(ticket, { ...ticket, sla: withAttention('breached') })).toEqual({
      desks: [{ desk: 'it', counts: { atRisk: -1, breached: 1 }, levels: {} }],
      agents: [{ email: 'a@x.com', counts: { atRisk: -1, breached: 1 } }],
    });
  });

  it('count a request waiting for approval as active', () => {
    expect(queueCountChanges(undefined, aTicket({ status: 'pending_approval' })).desks[0]!.counts).toEqual({ active: 1, unassigned: 1 });
  });
});
