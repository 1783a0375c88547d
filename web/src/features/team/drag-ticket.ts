import type { DragItem, DropItem, TextDropItem } from 'react-aria';

/** The drag type of a ticket on the team view: its key, the version the list showed and its assignee. */
export const TICKET_DRAG_TYPE = 'application/x-servicedesk-ticket';

export interface DraggedTicket {
  key: string;
  version: number;
  assignee?: string | undefined;
}

/** What a dragged ticket carries: its own type for the drop targets, its key as text elsewhere. */
export function ticketDragItem(ticket: DraggedTicket): DragItem {
  return { [TICKET_DRAG_TYPE]: JSON.stringify(ticket), 'text/plain': ticket.key };
}

/** The tickets among dropped items; anything else (files, text from elsewhere) is ignored. */
export async function droppedTickets(items: readonly DropItem[]): Promise<DraggedTicket[]> {
  const texts = items.filter((item): item is TextDropItem => item.kind === 'text' && item.types.has(TICKET_DRAG_TYPE));
  const tickets: DraggedTicket[] = [];
  for (const item of texts) {
    try {
      const value = JSON.parse(await item.getText(TICKET_DRAG_TYPE)) as Partial<DraggedTicket>;
      if (typeof value.key === 'string' && typeof value.version === 'number') tickets.push({ key: value.key, version: value.version, assignee: value.assignee });
    } catch {
      // Not one of ours: nothing to assign.
    }
  }
  return tickets;
}
