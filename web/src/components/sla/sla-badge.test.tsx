import { act, cleanup, render, screen } from '@testing-library/react';
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

const badge = (clocks: SlaClock[] | undefined, locale = 'en-US') =>
  render(
    <I18nProvider locale={locale}>
      <SlaBadge clocks={clocks} />
    </I18nProvider>,
  ).container.querySelector('.sla-badge')!;

describe('the SLA badge', () => {
  it('shows the time left to the nearest deadline, and counts it down every 30 seconds', () => {
    const shown = badge([running]);
    expect(shown.textContent).toBe('First response: 30 min left');
    expect(shown.getAttribute('data-state')).toBe('running');
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
    expect(breached.textContent).toBe('Resolution: Breached: 2 hr overdue');
    expect(breached.getAttribute('data-state')).toBe('breached');
  });

  it('says paused, met or no SLA when no clock counts down, in German too', () => {
    expect(badge([{ ...running, state: 'paused', deadline: undefined }]).textContent).toBe('Paused');
    cleanup();
    expect(badge([{ ...running, state: 'met', metAt: '2026-12-01T09:45:00.000Z', deadline: undefined }], 'de-DE').textContent).toBe('Eingehalten');
    cleanup();
    expect(badge(undefined).textContent).toBe('No SLA');
  });
});
