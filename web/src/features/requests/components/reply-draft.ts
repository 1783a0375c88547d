import { useCallback, useEffect, useState } from 'react';

/**
 * The reply being written on one ticket, kept in session storage (this tab only, gone when it
 * closes), so a sign-in redirect or a reload loses nothing. The idempotency key belongs to the
 * draft as it is: a retry of the same reply sends the same key, and the API adds it once; any
 * change to the reply (its text or its files) takes a new key.
 */
export interface ReplyDraft {
  text: string;
  idempotencyKey: string;
}

const storageKey = (ticketKey: string) => `servicedesk.reply-draft.${ticketKey}`;

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function read(ticketKey: string): ReplyDraft {
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey(ticketKey)) ?? 'null') as Partial<ReplyDraft> | null;
    if (stored && typeof stored.text === 'string' && typeof stored.idempotencyKey === 'string') return { text: stored.text, idempotencyKey: stored.idempotencyKey };
  } catch {
    // Storage unavailable or the entry unreadable: start afresh.
  }
  return { text: '', idempotencyKey: newKey() };
}

export function useReplyDraft(ticketKey: string) {
  const [draft, setDraft] = useState<ReplyDraft>(() => read(ticketKey));

  useEffect(() => setDraft(read(ticketKey)), [ticketKey]);

  const setText = useCallback(
    (text: string) => {
      setDraft((current) => {
        const next = { text, idempotencyKey: text === current.text ? current.idempotencyKey : newKey() };
        try {
          if (text) sessionStorage.setItem(storageKey(ticketKey), JSON.stringify(next));
          else sessionStorage.removeItem(storageKey(ticketKey));
        } catch {
          // Storage full or blocked: the draft still lives in the page.
        }
        return next;
      });
    },
    [ticketKey],
  );

  /** The files changed: the same text is another reply now. */
  const renewKey = useCallback(() => setDraft((current) => ({ ...current, idempotencyKey: newKey() })), []);

  /** After the reply was sent: an empty draft with a new key for the next reply. */
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey(ticketKey));
    } catch {
      // Nothing to remove.
    }
    setDraft({ text: '', idempotencyKey: newKey() });
  }, [ticketKey]);

  return { draft, setText, renewKey, clear };
}
