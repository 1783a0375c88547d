import { act, cleanup, render } from '@testing-library/react';
import { I18nProvider } from 'react-aria';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlaBadge } from './sla-badge';
import type { SlaClock } from './sla-time-left';

const running: SlaClock = {
  metric: 'first_response',
  state: 'running',
  targetMinutes: 60,
  startedAt: '2026-12-01T09:30:00.000Z',
  asOf: '2026-12-01T09:30:00.000Z',
  consumedMinutes: 0,
  pausedMinutes: 0,
  firedThresholds: [],
  deadline: '2026-12-01T10:30:00.000Z',
};

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00.000Z'), toFake: ['setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const badge = (clocks: SlaClock[] | undefined, locale = 'en-US', receivedAt?: number) =>
  render(
    <I18nProvider locale={locale}>
      <SlaBadge clocks={clocks} receivedAt={receivedAt} />
    </I18nProvider>,
    // eslint-disable-next-line testing-library/no-node-access -- the badge is plain text with no role; the tests read its text, state and icon
  ).container.querySelector('.sla-badge')!;

describe('the SLA badge', () => {
  it('shows the time left to the nearest deadline, and counts it down every 30 seconds', () => {
    const shown = badge([running]);
    expect(shown.textContent).toBe('First response: 30 min left');
    expect(shown.getAttribute('data-state')).toBe('running');
    // eslint-disable-next-line testing-library/no-node-access -- the icon is hidden from assistive technology, so no query finds it
    expect(shown.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    act(() => vi.advanceTimersByTime(30_000));
    expect(shown.textContent).toBe('First response: 30 min left');
    act(() => vi.advanceTimersByTime(60_000));
    expect(shown.textContent).toBe('First response: 29 min left');
  });

  it('says at risk and breached in words as well as in colour', () => {
    expect(badge([{ ...running, state: 'at_risk', firedThresholds: [75] }]).textContent).toBe('First response: At risk: 30 min left');
    cleanup();
    const breached = badge([{ ...running, metric: 'resolution', state: 'breached', deadline: '2026-12-01T08:00:00.000Z', breachedAt: '2026-12-01T08:00:00.000Z' }]);
    expect(breached.textContent).toBe('Resolution: Breached: 2 hr over');
    expect(breached.getAttribute('data-state')).toBe('breached');
  });

  it('counts business time down from when the answer arrived, and stands still while the calendar is closed', () => {
    const arrived = Date.parse('2026-12-01T09:58:00.000Z');
    const business = { ...running, businessMinutesLeft: 20, countsDownUntil: '2026-12-01T17:00:00.000Z' };
    const shown = badge([business], 'en-US', arrived);
    expect(shown.textContent).toBe('First response: 18 min left');
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(shown.textContent).toBe('First response: 13 min left');
    cleanup();
    const closed = badge([{ ...business, countsDownUntil: null, nextOpening: '2026-12-02T07:00:00.000Z' }], 'en-US', arrived);
    expect(closed.textContent).toMatch(/^First response: 20 min left Outside working hours: the time left stands still until /);
    expect(closed.getAttribute('title')).toMatch(/stands still until Dec 2, 2026/);
    act(() => vi.advanceTimersByTime(60 * 60_000));
    expect(closed.textContent).toMatch(/^First response: 20 min left /);
    cleanup();
    const over = badge([{ ...business, state: 'breached', businessMinutesLeft: -120 }], 'en-US', Date.now());
    expect(over.textContent).toBe('First response: Breached: 2 hr over');
    expect(over.getAttribute('data-state')).toBe('breached');
  });

  it('says paused, met or no SLA when no clock counts down, in German too', () => {
    expect(badge([{ ...running, state: 'paused', deadline: undefined }]).textContent).toBe('Paused');
    cleanup();
    expect(badge([{ ...running, state: 'met', metAt: '2026-12-01T09:45:00.000Z', deadline: undefined }], 'de-DE').textContent).toBe('Eingehalten');
    cleanup();
    expect(badge(undefined).textContent).toBe('No SLA');
  });
});
