import { useEffect } from 'react';
import { useRevalidator } from 'react-router';

/**
 * How often a visible queue loads again: its counts and SLA badges catch up with changes made
 * elsewhere (new tickets, other agents' work, the API's own SLA states). Three minutes keeps a
 * desk of agents well under one list call per agent per minute; between loads the badges count
 * down on the page's 30 s clock.
 */
export const QUEUE_REVALIDATE_MS = 3 * 60_000;

/**
 * Reloads the route's data every QUEUE_REVALIDATE_MS while the tab is visible. A hidden tab does
 * not poll; when it shows again after longer than that it loads at once.
 */
export function useRevalidateWhileVisible(intervalMs = QUEUE_REVALIDATE_MS): void {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let last = Date.now();
    const load = () => {
      last = Date.now();
      void revalidate();
    };
    const start = () => {
      if (timer === undefined) timer = setInterval(load, intervalMs);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return stop();
      if (Date.now() - last >= intervalMs) load();
      start();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [revalidate, intervalMs]);
}
