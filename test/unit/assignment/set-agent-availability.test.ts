import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../../shared/errors.ts';
import { setAgentAvailability } from '../../../shared/use-cases/set-agent-availability.ts';
import { assignmentConfig } from './assignment-config.ts';
import { InMemoryAssignmentStore } from './in-memory-assignment-store.ts';

const person = (email: string, roles: ('admin' | 'manager' | 'agent')[]): Principal => ({ kind: 'user', sub: email, email, roles });

function deps() {
  return { assignments: new InMemoryAssignmentStore(), config: assignmentConfig, now: () => new Date('2026-11-02T09:00:00.000Z') };
}

describe('setting agent availability', () => {
  it('lets an agent mark itself unavailable, recording who and when', async () => {
    const d = deps();
    await expect(setAgentAvailability(d, person('ann@example.com', ['agent']), 'ann@example.com', { available: false })).resolves.toEqual({
      agent: 'ann@example.com',
      available: false,
    });
    expect(d.assignments.availabilities.get('ann@example.com')).toEqual({
      email: 'ann@example.com',
      available: false,
      updatedAt: '2026-11-02T09:00:00.000Z',
      updatedBy: 'ann@example.com',
    });
  });

  it('lets a manager of a desk the agent works set it, and an admin set anyone', async () => {
    const d = deps();
    await setAgentAvailability(d, person('mia@example.com', ['manager']), 'BEN@example.com', { available: false });
    await setAgentAvailability(d, person('root@example.com', ['admin']), 'eve@example.com', { available: false });
    expect(d.assignments.availabilities.get('ben@example.com')?.updatedBy).toBe('mia@example.com');
    expect(d.assignments.availabilities.get('eve@example.com')?.updatedBy).toBe('root@example.com');
  });

  it('refuses another agent, a manager of another desk, a requester and a machine client', async () => {
    const d = deps();
    const refused = [
      person('ben@example.com', ['agent']),
      person('ola@example.com', ['manager']),
      { kind: 'user', sub: 'r', email: 'rita@example.org', roles: [] } as Principal,
      { kind: 'client', clientId: 'crm', scopes: ['servicedesk/tickets.write'] } as Principal,
    ];
    for (const principal of refused) {
      await expect(setAgentAvailability(d, principal, 'ann@example.com', { available: false })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(d.assignments.availabilities.size).toBe(0);
  });

  it('answers 404 for someone who is not configured staff', async () => {
    await expect(setAgentAvailability(deps(), person('root@example.com', ['admin']), 'ghost@example.com', { available: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives the same answer and state when repeated', async () => {
    const d = deps();
    const ann = person('ann@example.com', ['agent']);
    const first = await setAgentAvailability(d, ann, 'ann@example.com', { available: true });
    const again = await setAgentAvailability(d, ann, 'ann@example.com', { available: true });
    expect(again).toEqual(first);
    expect(d.assignments.availabilities.get('ann@example.com')?.available).toBe(true);
  });
});
