import { useCallback, useEffect, useState } from 'react';

/**
 * Something being written, kept in session storage (this tab only, gone when it closes), so a
 * sign-in redirect or a reload loses nothing. The idempotency key belongs to the draft as it is:
 * a retry of the same draft sends the same key, and any change to it takes a new key.
 */
export interface SessionDraft<T> {
  value: T;
  idempotencyKey: string;
}

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The stored draft under `storageKey`, or `empty` with a new key when there is none or it is unreadable. */
export function readSessionDraft<T>(storageKey: string, empty: T, isValue: (value: unknown) => value is T): SessionDraft<T> {
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as Partial<SessionDraft<unknown>> | null;
    if (stored && typeof stored.idempotencyKey === 'string' && isValue(stored.value)) return { value: stored.value, idempotencyKey: stored.idempotencyKey };
  } catch {
    // Storage unavailable or the entry unreadable: start afresh.
  }
  return { value: empty, idempotencyKey: newIdempotencyKey() };
}

function write<T>(storageKey: string, draft: SessionDraft<T>, isEmpty: (value: T) => boolean): void {
  try {
    if (isEmpty(draft.value)) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft still lives in the page.
  }
}

/**
 * One draft in session storage: `update` keeps it (a new idempotency key when it changed),
 * `renewKey` marks it as another submission (its files changed), `clear` empties it once sent.
 * `empty` and the options' functions are dependencies of its callbacks: pass module constants.
 */
export function useSessionDraft<T>(storageKey: string, empty: T, options: { isValue: (value: unknown) => value is T; isEmpty: (value: T) => boolean; same: (a: T, b: T) => boolean }) {
  const { isValue, isEmpty, same } = options;
  const [draft, setDraft] = useState<SessionDraft<T>>(() => readSessionDraft(storageKey, empty, isValue));

  // Another ticket (the same component, another route param): its own draft.
  useEffect(() => setDraft(readSessionDraft(storageKey, empty, isValue)), [storageKey, empty, isValue]);

  const update = useCallback(
    (value: T) =>
      setDraft((current) => {
        const next = { value, idempotencyKey: same(value, current.value) ? current.idempotencyKey : newIdempotencyKey() };
        write(storageKey, next, isEmpty);
        return next;
      }),
    [storageKey, isEmpty, same],
  );

  const renewKey = useCallback(
    () =>
      setDraft((current) => {
        const next = { ...current, idempotencyKey: newIdempotencyKey() };
        write(storageKey, next, isEmpty);
        return next;
      }),
    [storageKey, isEmpty],
  );

  const clear = useCallback(() => {
    const next = { value: empty, idempotencyKey: newIdempotencyKey() };
    write(storageKey, next, () => true);
    setDraft(next);
  }, [storageKey, empty]);

  return { draft, update, renewKey, clear };
}
