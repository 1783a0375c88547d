import { useEffect, useRef, useSyncExternalStore } from 'react';
import { activeShortcuts, registerShortcut, subscribeShortcuts, type Shortcut } from './shortcut-registry';

/**
 * Registers a keyboard shortcut while the calling component is mounted: `useShortcut('r',
 * t.format('shortcut.reply'), () => ...)`. Keys typed into text fields are left alone, and the
 * "Keyboard shortcuts" dialog lists it with its description. `run` may change on every render.
 */
export function useShortcut(keys: string, description: string, run: () => void, enabled = true): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!enabled) return undefined;
    return registerShortcut({ keys, description, run: () => latest.current() });
  }, [keys, description, enabled]);
}

/** The shortcuts active on the page, kept current as components come and go. */
export function useActiveShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore(subscribeShortcuts, activeShortcuts, activeShortcuts);
}
