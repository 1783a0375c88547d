import { useCallback, useEffect, useState } from 'react';
import { useSessionDraft } from '../../lib/drafts/use-session-draft';

/** What the composer writes: a public reply to the requester, or an internal note for staff. */
export type ComposerMode = 'reply' | 'note';

/** The typed part of one draft; the files are uploaded at once and kept in the page only. */
export interface ComposerText {
  text: string;
  cc: string[];
}

const EMPTY: ComposerText = { text: '', cc: [] };

const isComposerText = (value: unknown): value is ComposerText =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ComposerText).text === 'string' &&
  Array.isArray((value as ComposerText).cc) &&
  (value as ComposerText).cc.every((item) => typeof item === 'string');
const isEmpty = (value: ComposerText) => value.text === '' && value.cc.length === 0;
const same = (a: ComposerText, b: ComposerText) => a.text === b.text && a.cc.length === b.cc.length && a.cc.every((item, index) => item === b.cc[index]);

export const composerDraftKey = (ticketKey: string, kind: ComposerMode | 'mode') => `servicedesk.ticket-draft.${ticketKey}.${kind}`;

/** The ticket's reply draft or note draft, each under its own key in session storage. */
export function useComposerDraft(ticketKey: string, mode: ComposerMode) {
  return useSessionDraft(composerDraftKey(ticketKey, mode), EMPTY, { isValue: isComposerText, isEmpty, same });
}

function readMode(ticketKey: string): ComposerMode {
  try {
    return sessionStorage.getItem(composerDraftKey(ticketKey, 'mode')) === 'note' ? 'note' : 'reply';
  } catch {
    return 'reply';
  }
}

/** Which of the two the person was writing, so a reload comes back to it. */
export function useComposerMode(ticketKey: string) {
  const [mode, setModeState] = useState<ComposerMode>(() => readMode(ticketKey));
  useEffect(() => setModeState(readMode(ticketKey)), [ticketKey]);
  const setMode = useCallback(
    (next: ComposerMode) => {
      setModeState(next);
      try {
        sessionStorage.setItem(composerDraftKey(ticketKey, 'mode'), next);
      } catch {
        // Storage blocked: the mode still lives in the page.
      }
    },
    [ticketKey],
  );
  return [mode, setMode] as const;
}
