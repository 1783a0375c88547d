import { describe, expect, it } from 'vitest';
import { packSla, unpackSla } from '../../../shared/adapters/dynamodb/packed-sla.ts';
import { ticketItem, toTicket } from '../../../shared/adapters/dynamodb/ticket-items.ts';
import type { TicketSla } from '../../../shared/domain/sla.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const createdAt = '2026-11-02T09:00:00.000Z';

const sla: TicketSla = {
  policy: 'it-standard',
  version: 4,
  clocks: [
    {
      metric: 'first_response',
      state: 'met',
      targetMinutes: 240,
      startedAt: createdAt,
      asOf: '2026-11-02T09:04:30.250Z',
      consumedMinutes: 4.504166666666666,
      pausedMinutes: 0,
      running: false,
      due: {},
      firedThresholds: [],
      metAt: '2026-11-02T09:04:30.250Z',
    },
    {
      metric: 'next_response',
      state: 'at_risk',
      targetMinutes: 480,
      startedAt: '2026-11-02T10:00:00.000Z',
      asOf: '2026-11-02T16:00:00.000Z',
      consumedMinutes: 360,
      pausedMinutes: 12.5,
      running: true,
      deadline: '2026-11-03T10:00:00.000Z',
      due: { '100': '2026-11-03T10:00:00.000Z' },
      firedThresholds: [75],
    },
    {
      metric: 'resolution',
      state: 'breached',
      targetMinutes: 1440,
      startedAt: createdAt,
      asOf: '2026-11-06T09:00:00.000Z',
      consumedMinutes: 1500,
      pausedMinutes: 0,
      running: false,
      due: {},
      firedThresholds: [75, 100],
      breachedAt: '2026-11-05T17:00:00.000Z',
    },
  ],
};

describe('the packed SLA of a ticket item', () => {
  it('reads back exactly the clocks it was packed from, in a fraction of their size', () => {
    const packed = packSla(sla, createdAt)!;
    expect(unpackSla(packed, createdAt)).toEqual(sla);
    expect(packed.length).toBeLessThan(JSON.stringify(sla).length / 3);
  });

  it('keeps a state that is not the one the clock derives', () => {
    const paused: TicketSla = { ...sla, clocks: [{ ...sla.clocks[1]!, state: 'running' }] };
    expect(unpackSla(packSla(paused, createdAt)!, createdAt).clocks[0]!.state).toBe('running');
  });

  it('declines what it cannot hold exactly, so the item keeps the map', () => {
    const odd: TicketSla = { ...sla, clocks: [{ ...sla.clocks[0]!, startedAt: '2026-11-02T09:00:00Z' }] };
    expect(packSla(odd, createdAt)).toBeUndefined();
    const item = ticketItem(aTicket({ createdAt, sla: odd }));
    expect(item.sla).toEqual(odd);
    expect(toTicket(item).sla).toEqual(odd);
  });
});

describe('the ticket item', () => {
  it('stores the SLA packed and leaves empty lists out, and reads back the same ticket', () => {
    const ticket = aTicket({ createdAt, sla, tags: [], category: [], customFields: {} });
    const item = ticketItem(ticket);
    expect(typeof item.sla).toBe('string');
    expect(item).not.toHaveProperty('tags');
    expect(item).not.toHaveProperty('category');
    expect(item).not.toHaveProperty('customFields');
    expect(toTicket(item)).toEqual(ticket);
  });

  it('reads an item of an earlier build, whose SLA is a map and whose empty lists are stored', () => {
    const ticket = aTicket({ createdAt, sla, tags: [], category: ['IT'], customFields: {} });
    expect(toTicket({ ...ticketItem(ticket), sla, tags: [], customFields: {} })).toEqual(ticket);
  });
});
