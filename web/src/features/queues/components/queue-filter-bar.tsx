import { useNavigate } from 'react-router';
import { SelectField, type SelectOption } from '../../../components/select-field';
import { TICKET_STATUSES, useStatusName, type TicketStatus } from '../../../components/ticket-status-badge';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { QueueCall } from '../api/list-queue';
import { queueHref, SLA_FILTERS, withFilter, type QueueFilters } from '../queue-filters';
import { queuesMessages } from '../messages';

/**
 * The queue's status and SLA filters. Each choice is a new link (the list starts again at its
 * first page), so the filters live in the URL and not in the page.
 */
export function QueueFilterBar({ filters, call }: { filters: QueueFilters; call: QueueCall }) {
  const t = useMessages(queuesMessages);
  const statusName = useStatusName();
  const navigate = useNavigate();
  const status = filters.status ?? 'active';
  const statusOptions: SelectOption[] = [
    { id: 'active', name: t.format('filter.status.active') },
    ...TICKET_STATUSES.map((id) => ({ id, name: statusName(id) })),
    { id: 'all', name: t.format('filter.status.all') },
  ];
  // A list of statuses that came with the link (open,pending) is offered as it is.
  if (!statusOptions.some((option) => option.id === status)) {
    const names = status.split(',').map((part) => ((TICKET_STATUSES as readonly string[]).includes(part) ? statusName(part as TicketStatus) : part));
    statusOptions.push({ id: status, name: names.join(', ') });
  }
  const slaOptions: SelectOption[] = [{ id: 'any', name: t.format('filter.sla.any') }, ...SLA_FILTERS.map((id) => ({ id, name: t.format(`filter.sla.${id}`) }))];
  const levelQueue = call.route === 'desk';
  const go = (next: QueueFilters) => void navigate(queueHref(next));

  return (
    <div className="queue-filters" role="group" aria-label={t.format('filters.label')}>
      <SelectField
        label={t.format('filter.status')}
        value={status}
        options={statusOptions}
        onChange={(id) => go(withFilter(filters, 'status', id === 'active' ? undefined : id))}
      />
      <SelectField
        label={t.format('filter.sla')}
        value={levelQueue ? 'any' : (filters.sla ?? 'any')}
        options={slaOptions}
        onChange={(id) => go(withFilter(filters, 'sla', id === 'any' ? undefined : id))}
        isDisabled={levelQueue}
        description={levelQueue ? t.format('filter.sla.notForLevel') : undefined}
      />
    </div>
  );
}
