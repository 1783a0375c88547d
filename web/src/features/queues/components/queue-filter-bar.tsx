import { useNavigate, useNavigation } from 'react-router';
import type { SelectOption } from '../../../components/select-field';
import { TICKET_STATUSES, useStatusName, type TicketStatus } from '../../../components/ticket-status-badge';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { QueueCall } from '../api/list-queue';
import type { FilterChoices } from '../api/load-filter-choices';
import { CHANNELS, CONSOLE_PATH, ORDERS, PRIORITIES, queueFiltersOf, queueHref, SLA_FILTERS, UNASSIGNED, withFilter, type QueueFilters, type QueueParam } from '../queue-filters';
import { queuesMessages } from '../messages';
import { CatalogItemFilter } from './catalog-item-filter';
import { SelectField } from '../../../components/select-field';

/** The API's refusal of each filter it named in a 400 (`details[].path`), by parameter. */
export type RefusedFilters = Partial<Record<QueueParam, string>>;

/** A value the link gave that the list does not offer is offered as it is, so the control shows what applies. */
function withGiven(options: SelectOption[], value: string | undefined, name = value): SelectOption[] {
  return value && !options.some((option) => option.id === value) ? [...options, { id: value, name: name ?? value }] : options;
}

/**
 * The queue's filters and order. Each choice is a new link (the list starts again at its first
 * page), so the filters live in the URL and not in the page; a value the API refused is named
 * under its control.
 */
export function QueueFilterBar({ filters: shown, call, choices, refused }: { filters: QueueFilters; call: QueueCall; choices: FilterChoices; refused: RefusedFilters }) {
  const t = useMessages(queuesMessages);
  // While a choice is loading, the next one builds on it, not on the list still shown (two quick
  // clicks in the priorities make one link with both).
  const pending = useNavigation().location;
  const filters = pending?.pathname === CONSOLE_PATH ? queueFiltersOf(new URLSearchParams(pending.search)) : shown;
  const statusName = useStatusName();
  const navigate = useNavigate();
  const go = (name: QueueParam, value: string | undefined) => void navigate(queueHref(withFilter(filters, name, value)));
  const error = (name: QueueParam) => (refused[name] ? t.format('filter.refused', { message: refused[name] }) : undefined);

  const status = filters.status ?? 'active';
  const statusOptions: SelectOption[] = [
    { id: 'active', name: t.format('filter.status.active') },
    ...TICKET_STATUSES.map((id) => ({ id, name: statusName(id) })),
    { id: 'all', name: t.format('filter.status.all') },
  ];
  // A list of statuses that came with the link (open,pending) is offered as it is.
  const givenStatus = status
    .split(',')
    .map((part) => ((TICKET_STATUSES as readonly string[]).includes(part) ? statusName(part as TicketStatus) : part))
    .join(', ');

  const slaOptions: SelectOption[] = [{ id: 'any', name: t.format('filter.sla.any') }, ...SLA_FILTERS.map((id) => ({ id, name: t.format(`filter.sla.${id}`) }))];
  const priorities = filters.priority ? filters.priority.split(',').filter(Boolean) : [];
  const priorityOptions: SelectOption[] = [...PRIORITIES.map((id) => ({ id, name: id })), ...priorities.filter((id) => !(PRIORITIES as readonly string[]).includes(id)).map((id) => ({ id, name: id }))];
  const channelOptions: SelectOption[] = [{ id: 'any', name: t.format('filter.channel.any') }, ...CHANNELS.map((id) => ({ id, name: t.format(`filter.channel.${id}`) }))];
  const deskQueue = call.route === 'desk';
  const assigneeOptions: SelectOption[] = [
    { id: 'any', name: t.format('filter.assignee.any') },
    { id: 'me', name: t.format('filter.assignee.me') },
    { id: UNASSIGNED, name: t.format('filter.assignee.none') },
    ...choices.agents.map((agent) => ({ id: agent.email, name: agent.name })),
  ];
  const orderOptions: SelectOption[] = ORDERS.map((id) => ({ id, name: t.format(`filter.order.${id}`) }));

  return (
    <div className="queue-filters" role="group" aria-label={t.format('filters.label')}>
      <SelectField
        label={t.format('filter.status')}
        value={status}
        options={withGiven(statusOptions, status, givenStatus)}
        onChange={(id) => go('status', id === 'active' ? undefined : id)}
        error={error('status')}
      />
      <SelectField label={t.format('filter.sla')} value={filters.sla ?? 'any'} options={withGiven(slaOptions, filters.sla)} onChange={(id) => go('sla', id === 'any' ? undefined : id)} error={error('sla')} />
      <SelectField
        multiple
        label={t.format('filter.priority')}
        placeholder={t.format('filter.priority.any')}
        value={priorities}
        options={priorityOptions}
        // P1 before P2, whatever the order they were picked in, so the same choice is the same link.
        onChange={(ids) =>
          go(
            'priority',
            priorityOptions
              .map((option) => option.id)
              .filter((id) => ids.includes(id))
              .join(','),
          )
        }
        error={error('priority')}
      />
      <SelectField
        label={t.format('filter.channel')}
        value={filters.channel ?? 'any'}
        options={withGiven(channelOptions, filters.channel)}
        onChange={(id) => go('channel', id === 'any' ? undefined : id)}
        error={error('channel')}
      />
      <CatalogItemFilter items={choices.catalogItems} value={filters.catalogItem} onChange={(id) => go('catalogItem', id)} error={error('catalogItem')} />
      <SelectField
        label={t.format('filter.assignee')}
        value={deskQueue ? (filters.assignee ?? 'any') : 'any'}
        options={withGiven(assigneeOptions, deskQueue ? filters.assignee : undefined)}
        onChange={(id) => go('assignee', id === 'any' ? undefined : id)}
        isDisabled={!deskQueue}
        description={deskQueue ? undefined : t.format('filter.assignee.deskOnly')}
        error={error('assignee')}
      />
      <SelectField
        label={t.format('filter.order')}
        value={filters.order ?? 'priority'}
        options={withGiven(orderOptions, filters.order)}
        onChange={(id) => go('order', id === 'priority' ? undefined : id)}
        description={t.format('filter.order.help')}
        error={error('order')}
      />
    </div>
  );
}
