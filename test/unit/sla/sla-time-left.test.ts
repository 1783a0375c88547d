import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { nextClosing } from '../../../shared/domain/business-calendar.ts';
import type { SlaClock } from '../../../shared/domain/sla.ts';
import { slaTimeLeft } from '../../../shared/domain/sla-time-left.ts';
import { ticketPageView, ticketView } from '../../../shared/http/ticket-view.ts';
import { aTicket } from '../../support/ticket-fixture.ts';
import { at, calendar, OFFICE_HOURS } from '../calendar/calendars.ts';

// Monday to Friday, 09:00-17:00 in Berlin (UTC+1 in January).
const office = calendar('Europe/Berlin', OFFICE_HOURS);

/** A running resolution clock as the last write left it. */
function runningClock(over: Partial<SlaClock> = {}): SlaClock {
  return {
    metric: 'resolution',
    state: 'running',
    targetMinutes: 240,
    startedAt: '2026-01-12T08:00:00.000Z',
    asOf: '2026-01-12T08:00:00.000Z', // Monday 09:00 in Berlin
    consumedMinutes: 0,
    pausedMinutes: 0,
    running: true,
    deadline: '2026-01-12T12:00:00.000Z',
    due: { '100': '2026-01-12T12:00:00.000Z' },
    firedThresholds: [],
    ...over,
  };
}

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

describe('SLA time left in business time', () => {
  it('counts down to the closing while the calendar is open', () => {
    expect(slaTimeLeft(runningClock(), office, at('2026-01-12T10:00:00+01:00'))).toEqual({
      businessMinutesLeft: 180,
      countsDownUntil: at('2026-01-12T17:00:00+01:00').toISOString(),
    });
  });

  it('adds the time already consumed before the last write', () => {
    const clock = runningClock({ consumedMinutes: 100.5, asOf: at('2026-01-12T11:00:00+01:00').toISOString() });
    expect(slaTimeLeft(clock, office, at('2026-01-12T11:30:00+01:00'))!.businessMinutesLeft).toBe(109.5);
  });

  it('stands still at night and names the next opening', () => {
    const clock = runningClock({ targetMinutes: 600 });
    expect(slaTimeLeft(clock, office, at('2026-01-12T20:00:00+01:00'))).toEqual({
      businessMinutesLeft: 120,
      countsDownUntil: null,
      nextOpening: at('2026-01-13T09:00:00+01:00').toISOString(),
    });
  });

  it('stands still over the weekend until Monday morning', () => {
    const friday = runningClock({ asOf: at('2026-01-16T16:00:00+01:00').toISOString() });
    for (const now of ['2026-01-16T17:00:00+01:00', '2026-01-17T12:00:00+01:00', '2026-01-19T08:59:00+01:00']) {
      expect(slaTimeLeft(friday, office, at(now))).toEqual({ businessMinutesLeft: 180, countsDownUntil: null, nextOpening: at('2026-01-19T09:00:00+01:00').toISOString() });
    }
    expect(slaTimeLeft(friday, office, at('2026-01-19T09:30:00+01:00'))).toEqual({
      businessMinutesLeft: 150,
      countsDownUntil: at('2026-01-19T17:00:00+01:00').toISOString(),
    });
  });

  it('goes negative once breached: by how far over the target', () => {
    const breached = runningClock({ targetMinutes: 60, state: 'breached', breachedAt: '2026-01-12T09:00:00.000Z', firedThresholds: [100], due: {} });
    expect(slaTimeLeft(breached, office, at('2026-01-12T11:30:00+01:00'))).toEqual({
      businessMinutesLeft: -90,
      countsDownUntil: at('2026-01-12T17:00:00+01:00').toISOString(),
    });
  });

  it('gives nothing for a clock that is met or paused', () => {
    const now = at('2026-01-12T10:00:00+01:00');
    expect(slaTimeLeft(runningClock({ running: false, state: 'paused' }), office, now)).toBeUndefined();
    expect(slaTimeLeft(runningClock({ running: false, state: 'met', metAt: '2026-01-12T08:30:00.000Z' }), office, now)).toBeUndefined();
    // Met late shows as breached, and still does not run.
    expect(slaTimeLeft(runningClock({ running: false, state: 'breached', metAt: '2026-01-12T13:00:00.000Z', breachedAt: '2026-01-12T12:00:00.000Z' }), office, now)).toBeUndefined();
  });

  it('lets a reader count down exactly: one minute per minute until countsDownUntil, then still until nextOpening', () => {
    const clock = runningClock({ targetMinutes: 2000 });
    const start = at('2026-01-12T08:00:00+01:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.integer({ min: 0, max: 24 * 60 }), (offset, later) => {
        const now = new Date(start + offset * 60_000);
        const then = minutesAfter(now, later);
        const seen = slaTimeLeft(clock, office, now)!;
        const counted = seen.countsDownUntil === null ? 0 : Math.min(later, (Date.parse(seen.countsDownUntil) - now.getTime()) / 60_000);
        const limit = seen.countsDownUntil ?? seen.nextOpening!;
        // Up to the instant named, the reader's own count agrees with a fresh answer.
        if (then.getTime() <= Date.parse(limit)) expect(slaTimeLeft(clock, office, then)!.businessMinutesLeft).toBeCloseTo(seen.businessMinutesLeft - counted, 6);
      }),
    );
  });
});

describe('the next closing of a calendar', () => {
  it('is undefined outside working time', () => {
    expect(nextClosing(office, at('2026-01-12T17:00:00+01:00'))).toBeUndefined();
    expect(nextClosing(office, at('2026-01-12T08:59:59+01:00'))).toBeUndefined();
  });

  it('joins intervals that touch, at noon or across midnight', () => {
    const split = calendar('Europe/Berlin', {
      mon: [
        ['09:00', '12:00'],
        ['12:00', '17:00'],
      ],
    });
    expect(nextClosing(split, at('2026-01-12T11:00:00+01:00'))).toEqual(at('2026-01-12T17:00:00+01:00'));
    const night = calendar('Europe/Berlin', { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']] });
    expect(nextClosing(night, at('2026-01-12T23:00:00+01:00'))).toEqual(at('2026-01-13T06:00:00+01:00'));
  });

  it('stops at a holiday of a calendar open round the clock', () => {
    const withHoliday = calendar('UTC', '24x7', { dates: ['2026-12-25'] });
    expect(nextClosing(withHoliday, at('2026-12-23T10:00:00Z'))).toEqual(at('2026-12-25T00:00:00Z'));
  });

  it('is a year ahead for a calendar that never closes', () => {
    const now = at('2026-01-12T10:00:00Z');
    expect(nextClosing(calendar('UTC', '24x7'), now)).toEqual(minutesAfter(now, 366 * 24 * 60));
  });
});

describe('the ticket view', () => {
  const input = {
    ticketKeyPrefix: 'SD',
    defaultDesk: 'it',
    users: [{ email: 'alice@example.com', name: 'Alice', role: 'agent' }],
    desks: [{ id: 'it', name: 'IT', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }] }],
    calendars: [{ id: 'office', timeZone: 'Europe/Berlin', hours: OFFICE_HOURS }],
    slaPolicies: [{ id: 'it', calendar: 'office', targets: { firstResponse: '4h', resolution: '8h' } }],
  };
  const config = parseConfig(input);
  const met = runningClock({ metric: 'first_response', running: false, state: 'met', metAt: '2026-01-12T08:30:00.000Z' });
  const ticket = aTicket({ sla: { policy: 'it', version: 1, clocks: [met, runningClock({ targetMinutes: 480 })] } });
  const now = () => at('2026-01-12T13:00:00+01:00');

  it('adds the time left, as of the response, to the clocks that run', () => {
    const [first, resolution] = ticketView(ticket, { config, now }).sla!.clocks;
    expect(first).toEqual(met);
    expect(resolution).toMatchObject({ businessMinutesLeft: 240, countsDownUntil: at('2026-01-12T17:00:00+01:00').toISOString() });
    expect(resolution).not.toHaveProperty('nextOpening');
  });

  it('sees every ticket of a page at the same instant', () => {
    let calls = 0;
    const page = ticketPageView({ items: [ticket, ticket] }, { config, now: () => minutesAfter(now(), calls++ * 10) });
    expect(page.items.map((item) => item.sla!.clocks[1]!.businessMinutesLeft)).toEqual([240, 240]);
  });

  it('leaves a ticket whose SLA no policy counts as it is', () => {
    const elsewhere = aTicket({ desk: 'hr', sla: ticket.sla! });
    const view = ticketView(elsewhere, { config: parseConfig({ ...input, slaPolicies: [] }), now });
    expect(view.sla).toEqual(ticket.sla);
  });
});
