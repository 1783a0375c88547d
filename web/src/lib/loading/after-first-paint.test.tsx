import { render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import { AfterFirstPaint } from './after-first-paint';

describe('AfterFirstPaint', () => {
  it('shows the placeholder in the first rendering and the lazy part after the next frame, once loaded', async () => {
    let loaded = false;
    const Controls = lazy(async () => {
      loaded = true;
      return { default: () => <button type="button">Filter</button> };
    });
    render(
      <AfterFirstPaint placeholder={<p>Filters are loading</p>}>
        <Controls />
      </AfterFirstPaint>,
    );
    // Nothing of the lazy part is asked for before the screen has been painted.
    expect(screen.getByText('Filters are loading')).toBeTruthy();
    expect(loaded).toBe(false);
    expect(await screen.findByRole('button', { name: 'Filter' })).toBeTruthy();
    expect(loaded).toBe(true);
    expect(screen.queryByText('Filters are loading')).toBeNull();

    // A later screen of the same app need not wait for a frame.
    render(
      <AfterFirstPaint placeholder={<p>Again loading</p>}>
        <Controls />
      </AfterFirstPaint>,
    );
    expect(screen.queryByText('Again loading')).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Filter' })).toHaveLength(2);
  });

  it('with whenIdle waits past the paint for the browser’s idle time', async () => {
    const Composer = lazy(async () => ({ default: () => <textarea aria-label="Reply" /> }));
    render(
      <AfterFirstPaint whenIdle placeholder={<p>Composer is loading</p>}>
        <Composer />
      </AfterFirstPaint>,
    );
    // However early it renders, the part waits for an idle moment after a paint.
    expect(screen.getByText('Composer is loading')).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Reply' })).toBeTruthy();
  });
});
