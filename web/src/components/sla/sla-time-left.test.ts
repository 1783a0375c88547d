import { describe, expect, it } from 'vitest';
import { slaSummary } from './sla-summary';
import { slaTimeLeft, type SlaClock } from './sla-time-left';

const NOW = new Date('2026-12-01T10:00:00.000Z');

function clock(overrides: Partial<SlaClock> = {}): SlaClock {
  return {
    metric: 'first_response',
    state: 'running',
    targetMinutes: 60,
    startedAt: '2026-12-01T09:30:00.000Z',
    asOf: '2026-12-01T09:30:00.000Z',
    consumedMinutes: 0,
    pausedMinutes: 0,
    firedThresholds: [],
    deadline: '2026-12-01T10:30:00.000Z',
    ...overrides,
  };
}

describe('slaTimeLeft', () => {
  it('gives the minutes from now to a running clock’s deadline', () => {
    expect(slaTimeLeft(clock(), NOW)).toBe(30);
    expect(slaTimeLeft(clock({ deadline: '2026-12-01T10:00:30.000Z' }), NOW)).toBe(0.5);
  });

  it('goes below zero once the deadline has passed', () => {
    expect(slaTimeLeft(clock({ state: 'breached', deadline: '2026-12-01T09:15:00.000Z', breachedAt: '2026-12-01T09:15:00.000Z' }), NOW)).toBe(-45);
  });

  it('has no time left to give for a clock that is not counting down', () => {
    expect(slaTimeLeft(clock({ state: 'paused', deadline: undefined }), NOW)).toBeUndefined();
    expect(slaTimeLeft(clock({ state: 'met', metAt: '2026-12-01T09:50:00.000Z' }), NOW)).toBeUndefined();
    expect(slaTimeLeft(clock({ deadline: 'not a date' }), NOW)).toBeUndefined();
  });
});

describe('slaSummary', () => {
  it('picks the clock with the least time left', () => {
    const resolution = clock({ metric: 'resolution', targetMinutes: 480, deadline: '2026-12-01T17:30:00.000Z' });
    const response = clock({ metric: 'first_response', state: 'at_risk', firedThresholds: [75], deadline: '2026-12-01T10:10:00.000Z' });
    expect(slaSummary([resolution, response], NOW)).toEqual({ kind: 'counting', clock: response, minutesLeft: 10 });
  });

  it('says how the clocks settled when none counts down: a breach wins over a met clock, then paused, then met', () => {
    const met = clock({ state: 'met', metAt: '2026-12-01T09:40:00.000Z', deadline: undefined });
    const metLate = clock({ metric: 'resolution', state: 'breached', metAt: '2026-12-01T09:50:00.000Z', breachedAt: '2026-12-01T09:45:00.000Z', deadline: undefined });
    const paused = clock({ metric: 'resolution', state: 'paused', deadline: undefined });
    expect(slaSummary([met, metLate], NOW)).toEqual({ kind: 'settled', state: 'breached' });
    expect(slaSummary([met, paused], NOW)).toEqual({ kind: 'settled', state: 'paused' });
    expect(slaSummary([met], NOW)).toEqual({ kind: 'settled', state: 'met' });
    expect(slaSummary([], NOW)).toBeUndefined();
  });
});
