import { useEffect, useRef, useState } from 'react';
import { useFetcher, useRevalidator } from 'react-router';
import { Button } from 'react-aria-components';
import { ModalDialog } from '../../../components/modal-dialog';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket, TicketChange } from '../api/ticket-api';
import { ticketMessages } from '../messages';
import type { TicketActionResult, TicketIntent } from '../routes/ticket-view-action';
import { ConflictDialog } from './conflict-dialog';

type UpdateResult = Extract<TicketActionResult, { intent: 'update' }>;

/**
 * One control's change of the ticket: `PATCH /tickets/{key}` with If-Match set to the version the
 * page loaded. Its outcome (an error beside the control, the 412 dialog, the restricted-move
 * question) is rendered by `outcome`.
 */
export function useTicketChange(control: string, ticket: Ticket, onDone?: () => void) {
  const t = useMessages(ticketMessages);
  const fetcher = useFetcher<TicketActionResult>();
  const revalidator = useRevalidator();
  const [dismissed, setDismissed] = useState<unknown>(undefined);
  const finished = useRef<unknown>(undefined);
  const result = fetcher.state === 'idle' && fetcher.data?.intent === 'update' ? (fetcher.data as UpdateResult) : undefined;
  const open = result && result !== dismissed ? result : undefined;

  useEffect(() => {
    if (result?.ok && finished.current !== result) {
      finished.current = result;
      onDone?.();
    }
  }, [result, onDone]);

  const send = (change: TicketChange, options: { take?: boolean; version?: number } = {}) => {
    const intent: TicketIntent = { intent: 'update', control, change, version: options.version ?? ticket.version, ...(options.take ? { take: true } : {}) };
    void fetcher.submit(intent as never, { method: 'post', encType: 'application/json' });
  };

  const failed = open && !open.ok ? open : undefined;
  const error = failed && !failed.conflict && !failed.needsConfirmation ? (failed.failure.kind === 'network' ? t.format('actions.networkFailed') : failed.failure.message) : undefined;

  const outcome = (
    <>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {failed?.conflict ? (
        <ConflictDialog
          loaded={ticket}
          conflict={failed.conflict}
          onApply={() => {
            setDismissed(failed);
            send(failed.sent.change, { version: failed.conflict!.ticket.version, ...(failed.sent.take ? { take: true } : {}) });
          }}
          onKeep={() => {
            setDismissed(failed);
            void revalidator.revalidate();
          }}
        />
      ) : null}
      {failed?.needsConfirmation ? (
        <ModalDialog title={t.format('restricted.title')} role="alertdialog" isOpen onOpenChange={() => undefined}>
          <p>{failed.needsConfirmation}</p>
          <div className="button-row">
            <Button className="button" onPress={() => setDismissed(failed)}>
              {t.format('restricted.cancel')}
            </Button>
            <Button
              className="button button-primary"
              onPress={() => {
                setDismissed(failed);
                send({ ...failed.sent.change, confirmRestrictedMove: true }, { version: failed.sent.version, ...(failed.sent.take ? { take: true } : {}) });
              }}
            >
              {t.format('restricted.confirm')}
            </Button>
          </div>
        </ModalDialog>
      ) : null}
    </>
  );

  return { send, busy: fetcher.state !== 'idle', outcome, succeeded: Boolean(result?.ok) };
}
