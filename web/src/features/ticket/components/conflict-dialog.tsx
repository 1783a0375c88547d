import { Button } from 'react-aria-components';
import { ModalDialog } from '../../../components/modal-dialog';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket } from '../api/ticket-api';
import { ticketMessages } from '../messages';
import type { Conflict } from '../routes/ticket-view-action';
import { changedSince } from '../ticket-conflict';

/**
 * Someone changed the ticket after the page loaded (412): what changed, then and now and by whom,
 * and the person's choice. Nothing is overwritten without it.
 */
export function ConflictDialog({ loaded, conflict, onApply, onKeep }: { loaded: Ticket; conflict: Conflict; onApply: () => void; onKeep: () => void }) {
  const t = useMessages(ticketMessages);
  const changes = changedSince(loaded, conflict.ticket, conflict.history);
  const none = t.format('history.none');
  return (
    <ModalDialog title={t.format('conflict.title')} role="alertdialog" isOpen onOpenChange={() => undefined}>
      <p>{t.format('conflict.text')}</p>
      {changes.length ? (
        <table className="conflict-table">
          <caption className="visually-hidden">{t.format('conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.format('conflict.field')}</th>
              <th scope="col">{t.format('conflict.then')}</th>
              <th scope="col">{t.format('conflict.now')}</th>
              <th scope="col">{t.format('conflict.by')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{change.then || none}</td>
                <td>{change.now || none}</td>
                <td>{change.by ?? t.format('conflict.unknown')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t.format('conflict.noFields')}</p>
      )}
      <div className="button-row">
        <Button className="button" onPress={onKeep}>
          {t.format('conflict.keep')}
        </Button>
        <Button className="button button-primary" onPress={onApply}>
          {t.format('conflict.apply')}
        </Button>
      </div>
    </ModalDialog>
  );
}
