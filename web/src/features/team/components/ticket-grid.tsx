import { Button, GridList, GridListItem, useDragAndDrop } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { DeskTeam } from '../api/get-team';
import type { Ticket } from '../api/list-desk-tickets';
import { ticketDragItem } from '../drag-ticket';
import { teamMessages } from '../messages';
import { AssignMenu } from './assign-menu';
import type { Assign } from './use-assign';

/**
 * Tickets that can be dragged onto an agent's card (React Aria's drag and drop: mouse, touch, and
 * the drag button for keyboard and screen readers), each with its Assign menu as the other way.
 * A failed assignment is shown by its ticket.
 */
export function TicketGrid({ tickets, team, assign, label, move = false }: { tickets: readonly Ticket[]; team: DeskTeam; assign: Assign; label: string; move?: boolean }) {
  const t = useMessages(teamMessages);
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => tickets.filter((ticket) => keys.has(ticket.key)).map((ticket) => ticketDragItem({ key: ticket.key, version: ticket.version, assignee: ticket.assignee })),
  });
  const failure = assign.result && !assign.result.ok && assign.result.reason !== 'stale' ? assign.result : undefined;

  return (
    <GridList className="team-tickets" aria-label={label} items={tickets} dragAndDropHooks={dragAndDropHooks} selectionMode="none">
      {(ticket) => (
        <GridListItem id={ticket.key} className="team-ticket" textValue={`${ticket.key} ${ticket.subject}`}>
          <Button slot="drag" className="drag-handle" aria-label={t.format('ticket.drag', { key: ticket.key })}>
            <span aria-hidden="true">⠿</span>
          </Button>
          <div className="team-ticket-text">
            <span>
              <span className="team-ticket-key">{ticket.key}</span>{' '}
              <span className="priority" data-priority={ticket.priority}>
                {ticket.priority}
              </span>
            </span>
            <span className="team-ticket-subject">{ticket.subject}</span>
            <span className="muted">{t.format('ticket.level', { level: ticket.level })}</span>
            {failure?.key === ticket.key ? (
              <span className="field-error" role="alert">
                {failure.reason === 'forbidden' ? t.format('assign.forbidden') : failure.reason === 'network' ? t.format('assign.failed') : t.format('assign.refused', { message: failure.message ?? '' })}
              </span>
            ) : null}
          </div>
          <AssignMenu
            ticket={{ key: ticket.key, version: ticket.version, assignee: ticket.assignee }}
            team={team}
            assign={assign}
            label={t.format(move ? 'ticket.moveTo' : 'ticket.assignTo', { key: ticket.key })}
          />
        </GridListItem>
      )}
    </GridList>
  );
}
