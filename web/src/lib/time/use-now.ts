import { useSyncExternalStore } from 'react';

/** How often time-dependent texts (SLA time left, ages) move on: often enough for minutes. */
export const NOW_TICK_MS = 30_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    // The first reader after a quiet spell starts from the current time, then one timer serves all.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, NOW_TICK_MS);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => now;

/**
 * The current time, re-read every 30 s while a component shows it: every badge and age on the
 * page shares one timer, which stops when the last of them leaves the page.
 */
export function useNow(): Date {
  return new Date(useSyncExternalStore(subscribe, snapshot, snapshot));
}
