/**
 * The keyboard shortcuts active on the page: each registered by a mounted component (see
 * use-shortcut.ts), read by the "Keyboard shortcuts" dialog. One document listener runs them.
 */
export interface Shortcut {
  /** The keys as typed: one key (`r`, `?`) or a sequence separated by a space (`g q`). */
  keys: string;
  /** What it does, in the person's language. */
  description: string;
  run: () => void;
}

interface Entry extends Shortcut {
  id: number;
}

let entries: readonly Entry[] = [];
let nextId = 0;
const listeners = new Set<() => void>();
let pending: { prefix: string; at: number } | undefined;
/** How long the second key of a sequence (`g` then `q`) may wait. */
const SEQUENCE_MS = 1500;

const notify = () => listeners.forEach((listener) => listener());

/** Keys typed into a field are text, not shortcuts; a dialog open on top owns the keyboard. */
function ignored(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"]')) return true;
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

function onKeyDown(event: KeyboardEvent): void {
  if (ignored(event)) return;
  const key = event.key;
  const now = Date.now();
  const typed = pending && now - pending.at < SEQUENCE_MS ? `${pending.prefix} ${key}` : key;
  // The latest registration wins, so a dialog's or a nested screen's shortcut comes first.
  const match = [...entries].reverse().find((entry) => entry.keys === typed) ?? (typed !== key ? [...entries].reverse().find((entry) => entry.keys === key) : undefined);
  if (match) {
    pending = undefined;
    event.preventDefault();
    match.run();
    return;
  }
  pending = entries.some((entry) => entry.keys.startsWith(`${key} `)) ? { prefix: key, at: now } : undefined;
}

/** Adds a shortcut; the returned function removes it again. */
export function registerShortcut(shortcut: Shortcut): () => void {
  const entry = { ...shortcut, id: ++nextId };
  if (entries.length === 0) document.addEventListener('keydown', onKeyDown);
  entries = [...entries, entry];
  notify();
  return () => {
    entries = entries.filter((item) => item.id !== entry.id);
    if (entries.length === 0) document.removeEventListener('keydown', onKeyDown);
    notify();
  };
}

/** The shortcuts now active, in the order they were registered. */
export function activeShortcuts(): readonly Shortcut[] {
  return entries;
}

export function subscribeShortcuts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
