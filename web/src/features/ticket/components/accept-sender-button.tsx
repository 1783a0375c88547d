import { useEffect, useRef } from 'react';
import { useFetcher } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import { ticketMessages } from '../messages';
import type { TicketActionResult, TicketIntent } from '../routes/ticket-view-action';

/**
 * Accepts the sender of a new participant's mail (`POST .../accept-sender`): a plain button, since
 * it shows with the conversation before the heavier controls load; the page reads the ticket again after.
 */
export function AcceptSenderButton({ commentId, sender, describedBy, announce }: { commentId: string; sender: string; describedBy: string; announce: (message: string) => void }) {
  const t = useMessages(ticketMessages);
  const fetcher = useFetcher<TicketActionResult>();
  const handled = useRef<unknown>(undefined);
  const result = fetcher.state === 'idle' && fetcher.data?.intent === 'acceptSender' && fetcher.data.commentId === commentId ? fetcher.data : undefined;

  useEffect(() => {
    if (!result?.ok || handled.current === result) return;
    handled.current = result;
    announce(t.format('comment.accepted', { sender }));
  }, [result, announce, sender, t]);

  const busy = fetcher.state !== 'idle';
  const accept = () => {
    const intent: TicketIntent = { intent: 'acceptSender', commentId };
    void fetcher.submit(intent as never, { method: 'post', encType: 'application/json' });
  };
  const failure = result && !result.ok ? result.failure : undefined;
  return (
    <div className="button-row">
      <button type="button" className="button button-primary" onClick={accept} disabled={busy} aria-describedby={describedBy}>
        {t.format(busy ? 'comment.accepting' : 'comment.accept')}
      </button>
      {failure ? (
        <p className="field-error" role="alert">
          {t.format('comment.acceptFailed', { reason: failure.kind === 'network' ? t.format('actions.networkFailed') : failure.message })}
        </p>
      ) : null}
    </div>
  );
}
