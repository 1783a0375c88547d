import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidSlaTimerError, MAX_TIMER_THRESHOLD, parseTimerPayload, reconcileTimers, SLA_METRICS, TIMER_NAME_PATTERN, timerName, timerPayload, type SlaTimer } from '../../../shared/domain/sla-timer.ts';

const aTimer = (overrides: Partial<SlaTimer> = {}): SlaTimer => ({
  ticketKey: 'SD-123',
  metric: 'first_response',
  threshold: 75,
  slaVersion: 4,
  at: '2026-11-02T09:00:00.000Z',
  ...overrides,
});

/** Every ticket key `ticketKeyPrefix-number` can make: `^[A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,11}$`. */
const ticketKeys = fc
  .tuple(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), maxLength: 9 }),
    fc.constantFrom(...'123456789'),
    fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 11 }),
  )
  .map(([first, rest, lead, digits]) => `${first}${rest}-${lead}${digits}`);

const timers = fc.record({
  ticketKey: ticketKeys,
  metric: fc.constantFrom(...SLA_METRICS),
  threshold: fc.integer({ min: 1, max: MAX_TIMER_THRESHOLD }),
  slaVersion: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  at: fc.constant('2026-11-02T09:00:00.000Z'),
});

describe('timer names', () => {
  it('names a timer by ticket, metric, threshold and SLA version', () => {
    expect(timerName(aTimer())).toBe('sla.SD-123.fr.75.v4');
    expect(timerName(aTimer({ metric: 'next_response', threshold: 100, slaVersion: 0 }))).toBe('sla.SD-123.nr.100.v0');
    expect(timerName(aTimer({ metric: 'resolution', threshold: 90 }))).toBe('sla.SD-123.res.90.v4');
  });

  it('gives a recomputed deadline a new name', () => {
    expect(timerName(aTimer({ slaVersion: 5 }))).not.toBe(timerName(aTimer()));
  });

  it('does not depend on the time, so the same timer always collides with itself', () => {
    expect(timerName(aTimer({ at: '2027-01-01T00:00:00.000Z' }))).toBe(timerName(aTimer()));
  });

  it('fits Scheduler for the longest ticket key, metric, threshold and version', () => {
    const longest = aTimer({ ticketKey: 'ABCDEFGHIJ-999999999999', metric: 'resolution', threshold: MAX_TIMER_THRESHOLD, slaVersion: Number.MAX_SAFE_INTEGER });
    const name = timerName(longest);
    expect(name).toBe('sla.ABCDEFGHIJ-999999999999.res.999.v9007199254740991');
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(TIMER_NAME_PATTERN);
  });

  it('fits Scheduler for every ticket key a prefix and number can make', () => {
    fc.assert(
      fc.property(timers, (timer) => {
        const name = timerName(timer);
        expect(name).toMatch(TIMER_NAME_PATTERN);
        expect(name).not.toMatch(/[#:]/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives different timers different names', () => {
    fc.assert(
      fc.property(timers, timers, (a, b) => {
        const same = a.ticketKey === b.ticketKey && a.metric === b.metric && a.threshold === b.threshold && a.slaVersion === b.slaVersion;
        expect(timerName(a) === timerName(b)).toBe(same);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['ticketKey', { ticketKey: 'sd-1' }],
    ['ticketKey', { ticketKey: 'SD#1' }],
    ['ticketKey', { ticketKey: 'ABCDEFGHIJK-1' }],
    ['ticketKey', { ticketKey: 'SD-1234567890123' }],
    ['threshold', { threshold: 0 }],
    ['threshold', { threshold: 1000 }],
    ['threshold', { threshold: 7.5 }],
    ['slaVersion', { slaVersion: -1 }],
    ['metric', { metric: 'response' as never }],
  ])('refuses a timer whose %s would make a bad name (%o)', (field, overrides) => {
    expect(() => timerName(aTimer(overrides))).toThrow(InvalidSlaTimerError);
    expect(() => timerName(aTimer(overrides))).toThrow(new RegExp(`^Invalid SLA timer: ${field}: `));
  });
});

describe('timer payloads', () => {
  it('reads back the timer it was made from', () => {
    const timer = aTimer({ metric: 'resolution', threshold: 100 });
    expect(JSON.parse(timerPayload(timer))).toEqual({ type: 'sla_timer', ...timer });
    expect(parseTimerPayload(timerPayload(timer))).toEqual(timer);
  });

  it('names the field that is wrong', () => {
    const body = JSON.stringify({ ...JSON.parse(timerPayload(aTimer())), slaVersion: 'four' });
    expect(() => parseTimerPayload(body)).toThrow(/^Invalid SLA timer: slaVersion: /);
  });

  it('names every missing field', () => {
    try {
      parseTimerPayload(JSON.stringify({ type: 'sla_timer', ticketKey: 'SD-1' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSlaTimerError);
      expect((error as InvalidSlaTimerError).problems.map((problem) => problem.split(':')[0])).toEqual(['metric', 'threshold', 'slaVersion', 'at']);
    }
  });

  it('refuses a body that is not JSON or not a timer', () => {
    expect(() => parseTimerPayload('not json')).toThrow('Invalid SLA timer: (root): not JSON');
    expect(() => parseTimerPayload(JSON.stringify({ ...aTimer() }))).toThrow(/type: /);
  });

  it('refuses a time that is not UTC', () => {
    expect(() => timerPayload(aTimer({ at: '2026-11-02T10:00:00+01:00' }))).toThrow(/^Invalid SLA timer: at: must be an ISO 8601 UTC time/);
    expect(() => timerPayload(aTimer({ at: 'tomorrow' }))).toThrow(/at: /);
  });
});

describe('reconciling timers', () => {
  it('creates what is new, deletes what is gone and keeps what stays', () => {
    const keep = aTimer({ threshold: 100 });
    const gone = aTimer({ threshold: 75 });
    const added = aTimer({ metric: 'resolution', threshold: 100 });
    expect(reconcileTimers([keep, gone], [keep, added])).toEqual({ create: [added], delete: ['sla.SD-123.fr.75.v4'] });
  });

  it('replaces every timer of a new SLA version', () => {
    const v4 = [aTimer({ threshold: 75 }), aTimer({ threshold: 100 })];
    const v5 = v4.map((timer) => ({ ...timer, slaVersion: 5, at: '2026-11-02T11:00:00.000Z' }));
    expect(reconcileTimers(v4, v5)).toEqual({ create: v5, delete: ['sla.SD-123.fr.75.v4', 'sla.SD-123.fr.100.v4'] });
  });

  it('does nothing when nothing changed, and counts duplicates once', () => {
    const timer = aTimer();
    expect(reconcileTimers([timer, timer], [timer])).toEqual({ create: [], delete: [] });
    expect(reconcileTimers([], [timer, timer])).toEqual({ create: [timer], delete: [] });
    expect(reconcileTimers([timer, timer], [])).toEqual({ create: [], delete: ['sla.SD-123.fr.75.v4'] });
  });
});
