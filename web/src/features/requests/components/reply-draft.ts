import { useMemo } from 'react';
import { useSessionDraft } from '../../../lib/drafts/use-session-draft';

/**
 * The reply being written on one ticket, kept in session storage (lib/drafts), so a sign-in
 * redirect or a reload loses nothing; a retry of the same reply sends the same idempotency key,
 * and any change to the reply (its text or its files) takes a new key.
 */
export interface ReplyDraft {
  text: string;
  idempotencyKey: string;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isEmpty = (text: string) => text === '';
const same = (a: string, b: string) => a === b;

export function useReplyDraft(ticketKey: string) {
  const { draft: stored, update, renewKey, clear } = useSessionDraft(`servicedesk.reply-draft.${ticketKey}`, '', { isValue: isText, isEmpty, same });
  const draft = useMemo<ReplyDraft>(() => ({ text: stored.value, idempotencyKey: stored.idempotencyKey }), [stored]);
  return { draft, setText: update, renewKey, clear };
}
