import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { slaPolicySchema, type SlaPolicy } from '../../../shared/config/sla-schema.ts';
import { createBusinessCalendar } from '../../../shared/domain/business-calendar.ts';
import { desiredTimers, ticketSlaAttention, type TicketSla } from '../../../shared/domain/sla.ts';
import { advanceSla } from '../../../shared/domain/sla-clocks.ts';
import { matchSlaPolicy } from '../../../shared/domain/sla-policy-match.ts';
import type { Ticket } from '../../../shared/domain/ticket.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const always = createBusinessCalendar({ id: 'always', timeZone: 'UTC', hours: '24x7' });
const office = createBusinessCalendar({
  id: 'office',
  timeZone: 'Europe/Berlin',
  hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
});
const policy: SlaPolicy = slaPolicySchema.parse({
  id: 'p',
  calendar: 'always',
  targets: { firstResponse: '1h', nextResponse: '2h', resolution: '8h' },
  thresholds: [
    { percent: 75, actions: [] },
    { percent: 100, actions: [] },
  ],
});

const T0 = '2026-11-02T09:00:00.000Z'; // a Monday
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

/** Applies a change at `minutes` after T0 the way every write does. */
function step(ticket: Ticket, minutes: number, change: Partial<Ticket> = {}, calendar = always): Ticket {
  const next = { ...ticket, ...change, updatedAt: iso(minutes) };
  const sla = advanceSla(ticket.sla, next, at(minutes), { policy, calendar });
  return { ...next, ...(sla ? { sla } : {}) };
}

const clock = (ticket: Ticket, metric: string) => ticket.sla!.clocks.find((candidate) => candidate.metric === metric);
const created = () => step(aTicket({ createdAt: T0, updatedAt: T0 }), 0);

describe('SLA clocks', () => {
  it('starts first response and resolution at creation with their deadlines and due thresholds', () => {
    const ticket = created();
    expect(ticket.sla!.version).toBe(1);
    expect(clock(ticket, 'first_response')).toMatchObject({ state: 'running', deadline: iso(60), due: { '75': iso(45), '100': iso(60) } });
    expect(clock(ticket, 'resolution')!.deadline).toBe(iso(480));
    expect(clock(ticket, 'next_response')).toBeUndefined();
  });

  it('counts in working hours: a Friday-afternoon ticket is due on Monday', () => {
    const friday = '2026-11-06T15:30:00.000Z'; // 16:30 in Berlin
    const ticket = aTicket({ createdAt: friday, updatedAt: friday });
    const sla = advanceSla(undefined, ticket, new Date(friday), { policy, calendar: office })!;
    // 30 minutes on Friday, 30 on Monday from 09:00 Berlin (08:00 UTC)
    expect(sla.clocks.find((c) => c.metric === 'first_response')!.deadline).toBe('2026-11-09T08:30:00.000Z');
  });

  it('keeps its version while nothing moves, so its timers keep their names', () => {
    const ticket = step(created(), 10, { tags: ['printer'] });
    expect(ticket.sla!.version).toBe(1);
    expect(clock(ticket, 'first_response')).toMatchObject({ consumedMinutes: 10, deadline: iso(60) });
  });

  it('pauses while pending, records the paused time and moves the deadline by it', () => {
    const paused = step(created(), 20, { status: 'pending' });
    expect(clock(paused, 'resolution')).toMatchObject({ state: 'paused', consumedMinutes: 20, due: {} });
    expect(clock(paused, 'resolution')!.deadline).toBeUndefined();
    expect(paused.sla!.version).toBe(2);
    const resumed = step(paused, 50, { status: 'open' });
    expect(clock(resumed, 'resolution')).toMatchObject({ state: 'running', consumedMinutes: 20, pausedMinutes: 30, deadline: iso(510) });
    expect(resumed.sla!.version).toBe(3);
  });

  it('meets first response on the first agent reply and stops its timers', () => {
    const answered = step(created(), 30, { firstResponseAt: iso(30), status: 'open', lastPublicReply: { by: 'agent', at: iso(30) } });
    expect(clock(answered, 'first_response')).toMatchObject({ state: 'met', metAt: iso(30), due: {} });
    expect(desiredTimers(answered.key, answered.sla).filter((timer) => timer.metric === 'first_response')).toEqual([]);
  });

  it("starts a next-response cycle when the requester answers, and meets it on the agent's reply", () => {
    const answered = step(created(), 30, { firstResponseAt: iso(30), status: 'open', lastPublicReply: { by: 'agent', at: iso(30) } });
    const asked = step(answered, 90, { lastPublicReply: { by: 'requester', at: iso(90) } });
    expect(clock(asked, 'next_response')).toMatchObject({ state: 'running', startedAt: iso(90), deadline: iso(210) });
    const replied = step(asked, 100, { lastPublicReply: { by: 'agent', at: iso(100) } });
    expect(clock(replied, 'next_response')).toMatchObject({ state: 'met', metAt: iso(100) });
    const again = step(replied, 200, { lastPublicReply: { by: 'requester', at: iso(200) } });
    expect(clock(again, 'next_response')).toMatchObject({ state: 'running', startedAt: iso(200), consumedMinutes: 0, firedThresholds: [] });
  });

  it('meets resolution when resolved, and runs again when reopened without losing the time used', () => {
    const resolved = step(created(), 100, { status: 'resolved', resolvedAt: iso(100) });
    expect(clock(resolved, 'resolution')).toMatchObject({ state: 'met', metAt: iso(100), consumedMinutes: 100 });
    const reopened = step(resolved, 300, { status: 'open' });
    expect(clock(reopened, 'resolution')).toMatchObject({ state: 'running', consumedMinutes: 100, deadline: iso(300 + 380) });
  });

  it('waits while an approval is pending', () => {
    const waiting = step(aTicket({ createdAt: T0, updatedAt: T0, status: 'pending_approval' }), 0);
    expect(clock(waiting, 'resolution')).toMatchObject({ state: 'paused' });
  });

  it('shows a fired warning as at risk and a breach as breached, and lists the ticket by it', () => {
    const ticket = created();
    const warned = { ...ticket, sla: { ...ticket.sla!, clocks: ticket.sla!.clocks.map((c) => (c.metric === 'first_response' ? { ...c, firedThresholds: [75] } : c)) } } as Ticket;
    const after = step(warned, 50);
    expect(clock(after, 'first_response')).toMatchObject({ state: 'at_risk', due: { '100': iso(60) } });
    expect(after.sla!.version).toBe(1); // a fired threshold moves no other timer
    expect(ticketSlaAttention(after.sla)).toBe('at_risk');
    const breachedSla: TicketSla = { ...after.sla!, clocks: after.sla!.clocks.map((c) => (c.metric === 'first_response' ? { ...c, breachedAt: iso(60) } : c)) };
    expect(ticketSlaAttention(breachedSla)).toBe('breached');
  });

  it('drops the SLA when no policy applies', () => {
    expect(advanceSla(created().sla, aTicket(), at(5), { policy: undefined, calendar: undefined })).toBeUndefined();
  });
});

describe('SLA policy matching', () => {
  const config = parseConfig(rawConfig);

  it('takes the first policy in order whose conditions hold', () => {
    expect(matchSlaPolicy(config, aTicket({ desk: 'it', priority: 'P1' }))!.id).toBe('it-major');
    expect(matchSlaPolicy(config, aTicket({ desk: 'it', priority: 'P3' }))!.id).toBe('it-standard');
    expect(matchSlaPolicy(config, aTicket({ desk: 'it', priority: 'P1', catalogItem: 'it-sla-demo' }))!.id).toBe('sla-demo');
    expect(matchSlaPolicy(config, aTicket({ desk: 'hr' }))).toBeUndefined();
  });
});
