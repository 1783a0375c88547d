import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors.ts';
import type { TicketStore } from '../../../shared/ports/ticket-store.ts';
import { chooseAssignee, type AssignmentDeps } from '../../../shared/use-cases/choose-assignee.ts';
import { AGENTS, assignmentConfig, opsDesk } from './assignment-config.ts';
import { InMemoryAssignmentStore } from './in-memory-assignment-store.ts';

function deps(): AssignmentDeps & { assignments: InMemoryAssignmentStore } {
  return {
    store: {} as TicketStore,
    config: assignmentConfig,
    now: () => new Date('2026-11-02T09:00:00.000Z'),
    newId: () => '01H',
    assignments: new InMemoryAssignmentStore(),
  };
}

describe('choosing an assignee', () => {
  it('rotates round robin over the level members in configuration order, saying whose turn it was', async () => {
    const d = deps();
    const choices = [];
    for (let i = 0; i < 5; i++) choices.push(await chooseAssignee(d, opsDesk, 'rr'));
    expect(choices.map((choice) => choice.assignee)).toEqual([...AGENTS, AGENTS[0]]);
    expect(choices[2]).toEqual({ assignee: AGENTS[2], method: 'round_robin', reason: 'round robin: 3rd of 4 available agents' });
  });

  it('skips unavailable members in the rotation', async () => {
    const d = deps();
    await d.assignments.setAvailability(AGENTS[1]!, false, 'mia@example.com', '2026-11-02T08:00:00.000Z');
    const picks = [];
    for (let i = 0; i < 6; i++) picks.push((await chooseAssignee(d, opsDesk, 'rr')).assignee);
    expect(picks).toEqual([AGENTS[0], AGENTS[2], AGENTS[3], AGENTS[0], AGENTS[2], AGENTS[3]]);
  });

  it('gives the workload level to the least loaded available agent, with a guard on the count it read', async () => {
    const d = deps();
    d.assignments.loads.set(AGENTS[0]!, { openTickets: 1 });
    d.assignments.loads.set(AGENTS[1]!, { openTickets: 0, lastAssignedAt: '2026-11-01T00:00:00.000Z' });
    d.assignments.loads.set(AGENTS[2]!, { openTickets: 0 });
    d.assignments.loads.set(AGENTS[3]!, { openTickets: 5 });
    await d.assignments.setAvailability(AGENTS[2]!, false, AGENTS[2]!, '2026-11-02T08:00:00.000Z');
    await expect(chooseAssignee(d, opsDesk, 'wl')).resolves.toEqual({
      assignee: AGENTS[1],
      method: 'workload',
      guard: { email: AGENTS[1], openTickets: 0 },
      reason: 'workload: fewest open tickets (0)',
    });
  });

  it('leaves the ticket in the queue when nobody on the level is available', async () => {
    const d = deps();
    for (const agent of AGENTS) await d.assignments.setAvailability(agent, false, agent, '2026-11-02T08:00:00.000Z');
    await expect(chooseAssignee(d, opsDesk, 'rr')).resolves.toEqual({ method: 'round_robin', reason: 'no available agent on level rr' });
    await expect(chooseAssignee(d, opsDesk, 'wl')).resolves.toEqual({ method: 'workload', reason: 'no available agent on level wl' });
    expect(d.assignments.rotations.size).toBe(0);
  });

  it('leaves the ticket in the queue on a level without members', async () => {
    // The configuration refuses this; a desk built in code can still have it.
    const desk = { ...opsDesk, levels: [{ id: 'empty', name: 'Nobody yet', members: [], assignment: 'workload' as const }] };
    await expect(chooseAssignee(deps(), desk, 'empty')).resolves.toEqual({ method: 'workload', reason: 'no available agent on level empty' });
  });

  it('assigns nobody on free and manual levels', async () => {
    const d = deps();
    await expect(chooseAssignee(d, opsDesk, 'free')).resolves.toEqual({ method: 'free', reason: 'free: agents take tickets from the queue' });
    await expect(chooseAssignee(d, opsDesk, 'manual')).resolves.toEqual({ method: 'manual', reason: 'manual: a manager assigns the ticket' });
  });

  it('refuses a level the desk does not have', async () => {
    await expect(chooseAssignee(deps(), opsDesk, 'l9')).rejects.toBeInstanceOf(ValidationError);
  });
});
