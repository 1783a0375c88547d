import { useFetcher } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { DraggedTicket } from '../drag-ticket';
import { teamMessages } from '../messages';
import type { AssignResult, TeamActionResult } from '../team-results';

export interface Assignee {
  email: string;
  name: string;
}

export type Assign = ReturnType<typeof useAssign>;

/**
 * One way to assign for the whole screen, whether a ticket was dropped on a card or chosen in a
 * menu: the route's action, and what came of the last assignment (announced, or shown by its ticket).
 */
export function useAssign() {
  const t = useMessages(teamMessages);
  const fetcher = useFetcher<TeamActionResult>({ key: 'team-assign' });
  const result: AssignResult | undefined = fetcher.state === 'idle' && fetcher.data?.intent === 'assign' ? fetcher.data : undefined;
  const announcement = !result ? '' : result.ok ? t.format('assign.done', { key: result.key, name: result.name }) : result.reason === 'stale' ? t.format('assign.stale', { key: result.key }) : '';
  return {
    assign(ticket: DraggedTicket, to: Assignee) {
      // Onto the agent who has it already: nothing to change.
      if (ticket.assignee === to.email) return;
      void fetcher.submit({ intent: 'assign', key: ticket.key, version: String(ticket.version), assignee: to.email, name: to.name }, { method: 'post' });
    },
    pendingKey: fetcher.state !== 'idle' ? String(fetcher.formData?.get('key') ?? '') : undefined,
    result,
    announcement,
  };
}
