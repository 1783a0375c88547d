import { describe, expect, it } from 'vitest';
import { nearestSlaDeadline } from '../../../shared/domain/nearest-deadline.ts';
import type { SlaClock, TicketSla } from '../../../shared/domain/sla.ts';
import { ticketIndexKeys } from '../../../shared/store/keys.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const clock = (overrides: Partial<SlaClock>): SlaClock => ({
  metric: 'resolution',
  state: 'running',
  targetMinutes: 60,
  startedAt: '2026-11-02T09:00:00.000Z',
  asOf: '2026-11-02T09:00:00.000Z',
  consumedMinutes: 0,
  pausedMinutes: 0,
  running: true,
  due: {},
  firedThresholds: [],
  ...overrides,
});
const sla = (...clocks: SlaClock[]): TicketSla => ({ policy: 'p', version: 1, clocks });

describe('the nearest SLA deadline', () => {
  it('is the earliest deadline of the running clocks', () => {
    const ticket = sla(clock({ metric: 'first_response', deadline: '2026-11-02T10:00:00.000Z' }), clock({ metric: 'resolution', deadline: '2026-11-02T09:30:00.000Z', state: 'at_risk', firedThresholds: [75] }));
    expect(nearestSlaDeadline(ticket)).toBe('2026-11-02T09:30:00.000Z');
  });

  it('counts a breached clock, whose deadline has passed, and skips met ones', () => {
    const breached = clock({ metric: 'resolution', state: 'breached', deadline: '2026-11-01T09:00:00.000Z', breachedAt: '2026-11-01T09:00:00.000Z', firedThresholds: [100] });
    const metLate = clock({ metric: 'first_response', state: 'breached', deadline: '2026-10-31T09:00:00.000Z', breachedAt: '2026-10-31T09:00:00.000Z', metAt: '2026-11-01T08:00:00.000Z' });
    expect(nearestSlaDeadline(sla(breached, metLate))).toBe('2026-11-01T09:00:00.000Z');
  });

  it('is undefined when no clock runs: paused, met, or no SLA at all', () => {
    expect(nearestSlaDeadline(sla(clock({ state: 'paused', running: false }), clock({ metric: 'first_response', state: 'met', metAt: '2026-11-02T09:10:00.000Z' })))).toBeUndefined();
    expect(nearestSlaDeadline(undefined)).toBeUndefined();
  });
});

describe('the due index keys', () => {
  it("put an active ticket in its desk's due partition, by deadline, then priority and age", () => {
    const ticket = aTicket({ key: 'SD-9', priority: 'P2', sla: sla(clock({ deadline: '2026-11-02T11:00:00.000Z' })) });
    expect(ticketIndexKeys(ticket)).toMatchObject({ GSI4PK: 'DESK#it#DUE', GSI4SK: '2026-11-02T11:00:00.000Z#P2#2026-11-02T09:00:00.000Z#SD-9' });
  });

  it('sort a ticket with no running clock after every deadline', () => {
    const waiting = ticketIndexKeys(aTicket({ status: 'pending_approval' })).GSI4SK!;
    const due = ticketIndexKeys(aTicket({ sla: sla(clock({ deadline: '2999-12-31T23:59:59.999Z' })) })).GSI4SK!;
    expect(waiting.startsWith('~#P3#')).toBe(true);
    expect(due < waiting).toBe(true);
  });

  it('leave resolved and closed tickets out of the due index', () => {
    expect(ticketIndexKeys(aTicket({ status: 'resolved' }))).not.toHaveProperty('GSI4PK');
    expect(ticketIndexKeys(aTicket({ status: 'closed' }))).not.toHaveProperty('GSI4SK');
  });
});
