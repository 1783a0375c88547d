import { describe, expect, it } from 'vitest';
import { availableMembers, ordinal, pickLeastLoaded, pickRoundRobin } from '../../../shared/domain/assignment.ts';

const members = ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com'];

describe('round robin', () => {
  it('gives position 1 to the first member and wraps around', () => {
    expect([1, 2, 3, 4, 5, 6].map((position) => pickRoundRobin(members, position))).toEqual([...members, 'a@x.com', 'b@x.com']);
  });

  it('spreads any run of consecutive positions evenly', () => {
    const counts = new Map<string, number>();
    for (let position = 37; position < 37 + 100; position++) {
      const pick = pickRoundRobin(members, position)!;
      counts.set(pick, (counts.get(pick) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([25, 25, 25, 25]);
  });

  it('picks only among the members given, so unavailable agents are skipped', () => {
    const available = availableMembers(members, new Map([['b@x.com', false]]));
    expect(available).toEqual(['a@x.com', 'c@x.com', 'd@x.com']);
    expect([1, 2, 3, 4].map((position) => pickRoundRobin(available, position))).toEqual(['a@x.com', 'c@x.com', 'd@x.com', 'a@x.com']);
  });

  it('treats agents without an availability entry as available', () => {
    expect(availableMembers(members, new Map([['a@x.com', true]]))).toEqual(members);
  });

  it('picks nobody from no members', () => {
    expect(pickRoundRobin([], 3)).toBeUndefined();
  });

  it('still lands on a member for a zero or negative position', () => {
    expect(pickRoundRobin(members, 0)).toBe('d@x.com');
    expect(pickRoundRobin(members, -2)).toBe('b@x.com');
  });
});

describe('least loaded', () => {
  it('picks the agent with the fewest open tickets', () => {
    expect(
      pickLeastLoaded([
        { email: 'a@x.com', openTickets: 3, lastAssignedAt: '2026-01-01T00:00:00.000Z' },
        { email: 'b@x.com', openTickets: 1, lastAssignedAt: '2026-01-03T00:00:00.000Z' },
        { email: 'c@x.com', openTickets: 2 },
      ])?.email,
    ).toBe('b@x.com');
  });

  it('breaks a tie by the oldest last assignment', () => {
    expect(
      pickLeastLoaded([
        { email: 'a@x.com', openTickets: 1, lastAssignedAt: '2026-01-02T00:00:00.000Z' },
        { email: 'b@x.com', openTickets: 1, lastAssignedAt: '2026-01-01T00:00:00.000Z' },
      ])?.email,
    ).toBe('b@x.com');
  });

  it('prefers an agent never assigned to one assigned before, at equal load', () => {
    expect(
      pickLeastLoaded([
        { email: 'a@x.com', openTickets: 0, lastAssignedAt: '2026-01-01T00:00:00.000Z' },
        { email: 'b@x.com', openTickets: 0 },
      ])?.email,
    ).toBe('b@x.com');
  });

  it('falls back to configuration order when load and last assignment are equal', () => {
    expect(
      pickLeastLoaded([
        { email: 'a@x.com', openTickets: 0 },
        { email: 'b@x.com', openTickets: 0 },
      ])?.email,
    ).toBe('a@x.com');
    const at = '2026-01-01T00:00:00.000Z';
    expect(
      pickLeastLoaded([
        { email: 'c@x.com', openTickets: 2, lastAssignedAt: at },
        { email: 'a@x.com', openTickets: 2, lastAssignedAt: at },
      ])?.email,
    ).toBe('c@x.com');
  });

  it('takes turns among equally loaded agents as each receives a ticket', () => {
    const agents = members.map((email) => ({ email, openTickets: 0, lastAssignedAt: undefined as string | undefined }));
    const picks: string[] = [];
    for (let minute = 0; minute < 8; minute++) {
      const pick = pickLeastLoaded(agents)!;
      picks.push(pick.email);
      // Each agent resolves its ticket at once, so only the last assignment time differs.
      pick.lastAssignedAt = `2026-01-01T00:0${minute}:00.000Z`;
    }
    expect(picks).toEqual([...members, ...members]);
  });

  it('picks nobody from no candidates', () => {
    expect(pickLeastLoaded([])).toBeUndefined();
  });
});

describe('ordinal', () => {
  it('names positions as English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });
});
