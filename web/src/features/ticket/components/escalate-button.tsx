import { useEffect, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import { ModalDialog } from '../../../components/modal-dialog';
import { statusOf } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket } from '../api/ticket-api';
import { ticketMessages } from '../messages';
import type { TicketActionResult, TicketIntent } from '../routes/ticket-view-action';

/** Escalate with a reason for the history (a dialog); the API names the next level or desk. */
export function EscalateButton({ ticket, announce }: { ticket: Ticket; announce: (message: string) => void }) {
  const t = useMessages(ticketMessages);
  const fetcher = useFetcher<TicketActionResult>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const handled = useRef<unknown>(undefined);
  const result = fetcher.state === 'idle' && fetcher.data?.intent === 'escalate' ? fetcher.data : undefined;
  const failed = result && !result.ok ? result : undefined;

  useEffect(() => {
    if (!result?.ok || handled.current === result) return;
    handled.current = result;
    setOpen(false);
    setReason('');
    announce(t.format('escalate.done'));
  }, [result, announce, t]);

  const send = (confirmRestrictedMove = false) => {
    const intent: TicketIntent = { intent: 'escalate', reason: reason.trim(), ...(confirmRestrictedMove ? { confirmRestrictedMove } : {}) };
    void fetcher.submit(intent as never, { method: 'post', encType: 'application/json' });
  };
  const error =
    failed && !failed.needsConfirmation
      ? statusOf(failed.failure) === 409
        ? t.format('escalate.nowhere')
        : failed.failure.kind === 'network'
          ? t.format('actions.networkFailed')
          : failed.failure.message
      : undefined;

  return (
    <div className="action">
      <Button className="button" onPress={() => setOpen(true)} isDisabled={ticket.status === 'closed'}>
        {t.format('escalate.open')}
      </Button>
      {error && !open ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <ModalDialog title={t.format('escalate.title', { key: ticket.key })} isOpen={open} onOpenChange={setOpen}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            send(Boolean(failed?.needsConfirmation));
          }}
        >
          <TextField className="field" value={reason} onChange={setReason} isDisabled={fetcher.state !== 'idle'}>
            <Label>{t.format('escalate.reason')}</Label>
            <TextArea rows={3} />
          </TextField>
          {failed?.needsConfirmation ? (
            <p className="alert" role="alert">
              {failed.needsConfirmation}
            </p>
          ) : null}
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <Button className="button" onPress={() => setOpen(false)}>
              {t.format('escalate.cancel')}
            </Button>
            <Button type="submit" className="button button-primary" isDisabled={fetcher.state !== 'idle'}>
              {t.format(failed?.needsConfirmation ? 'escalate.confirm' : 'escalate.send')}
            </Button>
          </div>
        </form>
      </ModalDialog>
    </div>
  );
}
