import { describe, expect, it } from 'vitest';
import type { Approval } from '../../../shared/domain/approval.ts';
import { pendingApprovals } from '../../../shared/domain/pending-approvals.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const twoSteps = (current: number): Approval => ({
  state: 'pending',
  current,
  steps: [
    {
      kind: 'requester_manager',
      label: 'Manager',
      approvers: ['mark@example.org'],
      ...(current > 0 ? { decision: 'approved' as const, decidedBy: 'mark@example.org', decidedAt: '2026-11-03T08:00:00.000Z' } : {}),
    },
    { kind: 'group', label: 'Security', approvers: ['sam@example.org', 'ada@example.org', 'sam@example.org'] },
  ],
});

describe('the inbox entries of a request', () => {
  it('gives the approver of the first step an entry waiting since the request was made', () => {
    const ticket = aTicket({ status: 'pending_approval', catalogItem: 'laptop', approval: twoSteps(0) });
    expect(pendingApprovals(ticket)).toEqual([
      {
        approver: 'mark@example.org',
        ticketKey: 'SD-1',
        subject: ticket.subject,
        requester: { email: 'requester@example.org', name: 'Rita Requester' },
        catalogItem: 'laptop',
        step: { index: 0, kind: 'requester_manager', label: 'Manager' },
        requestedAt: ticket.createdAt,
        waitingSince: ticket.createdAt,
        status: 'pending_approval',
      },
    ]);
  });

  it('gives each approver of a later step one entry, waiting since the previous decision', () => {
    const entries = pendingApprovals(aTicket({ status: 'pending_approval', approval: twoSteps(1) }));
    expect(entries.map((entry) => [entry.approver, entry.step.index, entry.waitingSince])).toEqual([
      ['sam@example.org', 1, '2026-11-03T08:00:00.000Z'],
      ['ada@example.org', 1, '2026-11-03T08:00:00.000Z'],
    ]);
  });

  it('has none once the approval ended or the request was closed while it waited', () => {
    expect(pendingApprovals(aTicket({ status: 'new', approval: { ...twoSteps(1), state: 'approved' } }))).toEqual([]);
    expect(pendingApprovals(aTicket({ status: 'closed', approval: twoSteps(0) }))).toEqual([]);
    expect(pendingApprovals(aTicket())).toEqual([]);
  });
});
