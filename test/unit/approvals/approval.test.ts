import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { signApprovalLink, verifyApprovalLink } from '../../../shared/auth/approval-link-token.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { canDecide, decide, type Approval } from '../../../shared/domain/approval.ts';
import { escalationTarget } from '../../../shared/domain/escalation.ts';
import { ForbiddenError } from '../../../shared/errors.ts';
import { startApproval } from '../../../shared/use-cases/approval-steps.ts';

const config = parseConfig(rawConfig);
const desk = (id: string) => config.desks.find((candidate) => candidate.id === id)!;
const NOW = '2026-11-03T10:00:00.000Z';

const twoSteps: Approval = {
  state: 'pending',
  current: 0,
  steps: [
    { label: 'Manager', approvers: ['mark@example.org'] },
    { label: 'Group', approvers: ['a@example.org', 'b@example.org'] },
  ],
};

describe('sequential approval', () => {
  it("lets only the waiting step's approvers decide", () => {
    expect(canDecide(twoSteps, 'mark@example.org')).toBe(true);
    expect(canDecide(twoSteps, 'a@example.org')).toBe(false);
    expect(canDecide({ ...twoSteps, state: 'approved' }, 'mark@example.org')).toBe(false);
  });

  it('moves to the next step on approval and approves on the last one', () => {
    const first = decide(twoSteps, 'mark@example.org', 'approve', NOW, 'ok');
    expect(first.outcome).toBe('next_step');
    expect(first.approval).toMatchObject({ state: 'pending', current: 1 });
    expect(first.approval.steps[0]).toEqual({ label: 'Manager', approvers: ['mark@example.org'], decision: 'approved', decidedBy: 'mark@example.org', decidedAt: NOW, comment: 'ok' });
    const last = decide(first.approval, 'b@example.org', 'approve', NOW);
    expect(last).toMatchObject({ outcome: 'approved', approval: { state: 'approved' } });
  });

  it('ends at the first rejection', () => {
    expect(decide(twoSteps, 'mark@example.org', 'reject', NOW, 'no budget')).toMatchObject({ outcome: 'rejected', approval: { state: 'rejected', current: 0 } });
  });
});

describe('approvers of a catalog item', () => {
  it("resolves the requester's manager, a named approver and a group", () => {
    const approval = startApproval(config, [{ kind: 'requester_manager' }, { kind: 'user', email: 'cfo@example.org' }, { kind: 'group', group: 'software-approvers' }], 'jane@example.org', desk('it'))!;
    expect(approval.steps.map((step) => step.approvers)).toEqual([['mark.lead@example.org'], ['cfo@example.org'], ['admin@example.com', 'sam.security@example.org']]);
  });

  it('has the desk managers decide for a requester without a manager, and admins where the desk has none', () => {
    expect(startApproval(config, [{ kind: 'requester_manager' }], 'nobody@example.org', desk('it'))!.steps[0]!.approvers).toEqual(['maria.manager@example.com']);
    const unmanaged = { ...desk('it'), managers: [] };
    expect(startApproval(config, [{ kind: 'requester_manager' }], 'nobody@example.org', unmanaged)!.steps[0]!.approvers).toEqual(['admin@example.com']);
  });

  it('never lets requesters approve their own request: others in the step decide, else the desk managers, else the admins', () => {
    const groupWithAdmin = startApproval(config, [{ kind: 'group', group: 'software-approvers' }], 'admin@example.com', desk('it'))!;
    expect(groupWithAdmin.steps[0]!.approvers).toEqual(['sam.security@example.org']);
    // Maria has no manager in the directory and manages the IT desk herself.
    const maria = startApproval(config, [{ kind: 'requester_manager' }], 'maria.manager@example.com', desk('it'))!;
    expect(maria.steps[0]).toMatchObject({ approvers: ['admin@example.com'], label: expect.stringContaining('nobody approves their own request') });
    const named = startApproval(config, [{ kind: 'user', email: 'maria.manager@example.com' }], 'maria.manager@example.com', { ...desk('it'), managers: ['maria.manager@example.com', 'hugo.hr@example.com'] })!;
    expect(named.steps[0]!.approvers).toEqual(['hugo.hr@example.com']);
  });

  it('starts no approval for an item without steps', () => {
    expect(startApproval(config, [], 'jane@example.org', desk('it'))).toBeUndefined();
  });
});

describe('escalation targets', () => {
  it('goes to the next level, then to the desk escalated to, then nowhere', () => {
    expect(escalationTarget(config, 'facilities', 'l1')).toEqual({ desk: 'facilities', level: 'l2' });
    expect(escalationTarget(config, 'facilities', 'l2')).toEqual({ desk: 'it', level: 'l1' });
    expect(escalationTarget(config, 'it', 'l2')).toBeUndefined();
  });
});

describe('approval link tokens', () => {
  const key = new TextEncoder().encode('a-test-key-of-enough-length-for-hs256!!');
  const claims = { ticketKey: 'SD-9', step: 1, approver: 'mark@example.org' };

  it('round-trips who may decide which step', async () => {
    const token = await signApprovalLink(key, claims, new Date());
    await expect(verifyApprovalLink(key, token, new Date())).resolves.toEqual(claims);
  });

  it('refuses a token past its 14 days, or signed with another key', async () => {
    const token = await signApprovalLink(key, claims, new Date('2026-01-01T00:00:00Z'));
    await expect(verifyApprovalLink(key, token, new Date('2026-01-16T00:00:00Z'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(verifyApprovalLink(key, token, new Date('2026-01-14T00:00:00Z'))).resolves.toEqual(claims);
    await expect(verifyApprovalLink(new TextEncoder().encode('another-key-another-key-another-key!!'), token, new Date('2026-01-02T00:00:00Z'))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
