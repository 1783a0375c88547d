import { describe, expect, it } from 'vitest';
import { slaSummary } from './sla-summary';
import { slaTimeLeft, type SlaClock } from './sla-time-left';

const ANSWERED = Date.parse('2026-12-01T10:00:00.000Z');
const at = (iso: string) => new Date(iso);

function clock(overrides: Partial<SlaClock> = {}): SlaClock {
  return {
    metric: 'first_response',
    state: 'running',
    targetMinutes: 240,
    startedAt: '2026-12-01T08:30:00.000Z',
    asOf: '2026-12-01T10:00:00.000Z',
    consumedMinutes: 90,
    pausedMinutes: 0,
    firedThresholds: [],
    deadline: '2026-12-01T12:30:00.000Z',
    businessMinutesLeft: 150,
    countsDownUntil: '2026-12-01T17:00:00.000Z',
    ...overrides,
  };
}

describe('slaTimeLeft in business time', () => {
  it('counts down one minute per minute from the answer while the calendar is open', () => {
    expect(slaTimeLeft(clock(), at('2026-12-01T10:00:00.000Z'), ANSWERED)).toEqual({ minutesLeft: 150, standsStill: false });
    expect(slaTimeLeft(clock(), at('2026-12-01T10:45:30.000Z'), ANSWERED)).toEqual({ minutesLeft: 104.5, standsStill: false });
  });

  it('stands still past countsDownUntil, until the next answer', () => {
    const closing = clock({ businessMinutesLeft: 60, countsDownUntil: '2026-12-01T10:20:00.000Z' });
    expect(slaTimeLeft(closing, at('2026-12-01T10:19:00.000Z'), ANSWERED)).toEqual({ minutesLeft: 41, standsStill: false });
    expect(slaTimeLeft(closing, at('2026-12-01T10:20:00.000Z'), ANSWERED)).toEqual({ minutesLeft: 40, standsStill: true });
    expect(slaTimeLeft(closing, at('2026-12-01T23:00:00.000Z'), ANSWERED)).toEqual({ minutesLeft: 40, standsStill: true });
  });

  it('stands still while the calendar is closed, and says when it opens', () => {
    const closed = clock({ businessMinutesLeft: 200, countsDownUntil: null, nextOpening: '2026-12-02T07:00:00.000Z' });
    expect(slaTimeLeft(closed, at('2026-12-01T22:00:00.000Z'), ANSWERED)).toEqual({ minutesLeft: 200, standsStill: true, resumesAt: '2026-12-02T07:00:00.000Z' });
  });

  it('goes on below zero once breached, by how far over', () => {
    const breached = clock({ state: 'breached', businessMinutesLeft: -100, breachedAt: '2026-12-01T08:20:00.000Z' });
    expect(slaTimeLeft(breached, at('2026-12-01T10:20:00.000Z'), ANSWERED)).toEqual({ minutesLeft: -120, standsStill: false });
    // Before the answer arrived nothing has counted yet.
    expect(slaTimeLeft(breached, at('2026-12-01T09:59:00.000Z'), ANSWERED)).toEqual({ minutesLeft: -100, standsStill: false });
  });

  it('counts to the deadline in wall time when the answer has no businessMinutesLeft', () => {
    const older = clock({ businessMinutesLeft: undefined, countsDownUntil: undefined, deadline: '2026-12-01T10:30:00.000Z' });
    expect(slaTimeLeft(older, at('2026-12-01T10:00:00.000Z'), ANSWERED)).toEqual({ minutesLeft: 30, standsStill: false });
    expect(slaTimeLeft({ ...older, deadline: 'not a date' }, at('2026-12-01T10:00:00.000Z'), ANSWERED)).toBeUndefined();
  });

  it('has no time left to give for a clock that is not counting down', () => {
    expect(slaTimeLeft(clock({ state: 'paused', businessMinutesLeft: undefined, countsDownUntil: undefined, deadline: undefined }), at('2026-12-01T10:00:00.000Z'), ANSWERED)).toBeUndefined();
    expect(slaTimeLeft(clock({ state: 'met', metAt: '2026-12-01T09:50:00.000Z' }), at('2026-12-01T10:00:00.000Z'), ANSWERED)).toBeUndefined();
  });
});

describe('slaSummary', () => {
  const now = at('2026-12-01T10:00:00.000Z');
  const answered = () => ANSWERED;

  it('picks the clock with the least time left', () => {
    const resolution = clock({ metric: 'resolution', targetMinutes: 480, businessMinutesLeft: 400 });
    const response = clock({ metric: 'first_response', state: 'at_risk', firedThresholds: [75], businessMinutesLeft: 10 });
    expect(slaSummary([resolution, response], now, answered)).toEqual({ kind: 'counting', clock: response, minutesLeft: 10, standsStill: false });
  });

  it('says how the clocks settled when none counts down: a breach wins over a met clock, then paused, then met', () => {
    const met = clock({ state: 'met', metAt: '2026-12-01T09:40:00.000Z', deadline: undefined });
    const metLate = clock({ metric: 'resolution', state: 'breached', metAt: '2026-12-01T09:50:00.000Z', breachedAt: '2026-12-01T09:45:00.000Z', deadline: undefined });
    const paused = clock({ metric: 'resolution', state: 'paused', deadline: undefined, businessMinutesLeft: undefined });
    expect(slaSummary([met, metLate], now, answered)).toEqual({ kind: 'settled', state: 'breached' });
    expect(slaSummary([met, paused], now, answered)).toEqual({ kind: 'settled', state: 'paused' });
    expect(slaSummary([met], now, answered)).toEqual({ kind: 'settled', state: 'met' });
    expect(slaSummary([], now, answered)).toBeUndefined();
  });
});
