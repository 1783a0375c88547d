import { describe, expect, it } from 'vitest';
import { workloadChanges, workloadHolder } from '../../../shared/domain/workload.ts';
import { TICKET_STATUSES, WORKLOAD_STATUSES } from '../../../shared/domain/ticket-status.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const alice = 'alice@example.com';
const bob = 'bob@example.com';

describe('workload changes', () => {
  it('counts a new ticket created with an assignee for that agent', () => {
    expect(workloadChanges(undefined, aTicket({ assignee: alice }))).toEqual([{ email: alice, delta: 1 }]);
  });

  it('counts nothing for a new unassigned ticket', () => {
    expect(workloadChanges(undefined, aTicket())).toEqual([]);
  });

  it('counts nothing for a new assigned ticket that waits for approval', () => {
    expect(workloadChanges(undefined, aTicket({ status: 'pending_approval', assignee: alice }))).toEqual([]);
  });

  it('adds one when an unassigned ticket is assigned', () => {
    expect(workloadChanges(aTicket(), aTicket({ assignee: alice }))).toEqual([{ email: alice, delta: 1 }]);
  });

  it('removes one when a ticket is unassigned', () => {
    expect(workloadChanges(aTicket({ assignee: alice }), aTicket())).toEqual([{ email: alice, delta: -1 }]);
  });

  it('moves one from the old to the new agent on a reassign', () => {
    expect(workloadChanges(aTicket({ assignee: alice }), aTicket({ assignee: bob }))).toEqual([
      { email: alice, delta: -1 },
      { email: bob, delta: 1 },
    ]);
  });

  it('changes nothing when the assignee stays and the status moves within the workload statuses', () => {
    for (const from of WORKLOAD_STATUSES) {
      for (const to of WORKLOAD_STATUSES) {
        expect(workloadChanges(aTicket({ status: from, assignee: alice }), aTicket({ status: to, assignee: alice }))).toEqual([]);
      }
    }
  });

  it.each(['resolved', 'closed'] as const)('removes one when an assigned ticket becomes %s', (status) => {
    expect(workloadChanges(aTicket({ status: 'open', assignee: alice }), aTicket({ status, assignee: alice }))).toEqual([{ email: alice, delta: -1 }]);
  });

  it('adds one when a resolved ticket is reopened', () => {
    expect(workloadChanges(aTicket({ status: 'resolved', assignee: alice }), aTicket({ status: 'open', assignee: alice }))).toEqual([{ email: alice, delta: 1 }]);
  });

  it('adds one when an approved ticket leaves pending_approval for new', () => {
    expect(workloadChanges(aTicket({ status: 'pending_approval', assignee: alice }), aTicket({ status: 'new', assignee: alice }))).toEqual([{ email: alice, delta: 1 }]);
  });

  it('moves the count when a ticket is reassigned and resolved in one change', () => {
    expect(workloadChanges(aTicket({ status: 'open', assignee: alice }), aTicket({ status: 'resolved', assignee: bob }))).toEqual([{ email: alice, delta: -1 }]);
  });

  it('counts for the new agent when a closed ticket is reassigned into a workload status', () => {
    expect(workloadChanges(aTicket({ status: 'resolved', assignee: alice }), aTicket({ status: 'open', assignee: bob }))).toEqual([{ email: bob, delta: 1 }]);
  });

  it('changes nothing for unassigned tickets whatever their status does', () => {
    for (const from of TICKET_STATUSES) {
      for (const to of TICKET_STATUSES) expect(workloadChanges(aTicket({ status: from }), aTicket({ status: to }))).toEqual([]);
    }
  });

  it('keeps every counter equal to the tickets it counts across any sequence of changes', () => {
    const agents = [undefined, alice, bob];
    const counters = new Map<string, number>();
    let ticket = aTicket();
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    for (let step = 0; step < 500; step++) {
      const assignee = agents[random(agents.length)];
      const next = aTicket({ status: TICKET_STATUSES[random(TICKET_STATUSES.length)]!, ...(assignee ? { assignee } : {}) });
      for (const change of workloadChanges(ticket, next)) counters.set(change.email, (counters.get(change.email) ?? 0) + change.delta);
      ticket = next;
      const holder = workloadHolder(ticket);
      for (const agent of [alice, bob]) expect(counters.get(agent) ?? 0).toBe(holder === agent ? 1 : 0);
    }
  });
});
