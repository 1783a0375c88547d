import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket } from '../api/requests-api';
import { requestsMessages } from '../messages';

/** A ticket's status and whose move it waits for, in words, as the API gives them. */
export function useTicketState() {
  const t = useMessages(requestsMessages);
  return {
    status: (ticket: Pick<Ticket, 'status'>) => t.format(`status.${ticket.status}`),
    waitingOn: (ticket: Pick<Ticket, 'waitingOn'>) => (ticket.waitingOn ? t.format(`waiting.${ticket.waitingOn}`) : undefined),
  };
}

/** The status as a small badge whose colour follows the state; the word carries the meaning. */
export function StatusBadge({ ticket }: { ticket: Pick<Ticket, 'status'> }) {
  const state = useTicketState();
  return (
    <span className="status-badge" data-status={ticket.status}>
      {state.status(ticket)}
    </span>
  );
}

/** The status and, while a move is awaited, whose: two entries of the page's description list. */
export function StateFacts({ ticket }: { ticket: Pick<Ticket, 'status' | 'waitingOn'> }) {
  const t = useMessages(requestsMessages);
  const waiting = useTicketState().waitingOn(ticket);
  return (
    <>
      <div>
        <dt>{t.format('field.status')}</dt>
        <dd>
          <StatusBadge ticket={ticket} />
        </dd>
      </div>
      {waiting ? (
        <div>
          <dt>{t.format('field.waitingOn')}</dt>
          <dd className="waiting-on">{waiting}</dd>
        </div>
      ) : null}
    </>
  );
}
