import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { findCatalogItem } from '../domain/catalog.ts';
import type { Priority } from '../domain/priority.ts';
import type { Channel } from '../domain/ticket.ts';
import { ACTIVE_STATUSES, isActive, type TicketStatus } from '../domain/ticket-status.ts';
import { ValidationError } from '../errors.ts';
import type { TicketListOrder, TicketListQuery } from '../ports/ticket-store.ts';

/** The filters and order a list request may carry beside what selects its tickets. */
export interface ListFilterQuery {
  priority?: Priority[] | undefined;
  channel?: Channel | undefined;
  catalogItem?: string | undefined;
  order?: TicketListOrder | undefined;
}

/**
 * The store's filters for a list request: an unknown catalog item is a 400 naming `catalogItem`,
 * and due order, whose index holds active tickets only, with another status a 400 naming `order`.
 */
export function listFilters(config: ServiceDeskConfig, query: ListFilterQuery, statuses: readonly TicketStatus[]): Pick<TicketListQuery, 'priorities' | 'channel' | 'catalogItem' | 'order'> {
  if (query.catalogItem && !findCatalogItem(config, query.catalogItem)) {
    throw new ValidationError(`Unknown catalog item ${query.catalogItem}`, [{ path: 'catalogItem', message: `no catalog item "${query.catalogItem}" (see GET /catalog)` }]);
  }
  if (query.order === 'due' && !statuses.every(isActive)) {
    throw new ValidationError('Due order lists active tickets only', [{ path: 'order', message: `due lists the active statuses only (${ACTIVE_STATUSES.join(', ')}); leave status out or name some of them` }]);
  }
  return {
    ...(query.priority?.length ? { priorities: query.priority } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.catalogItem ? { catalogItem: query.catalogItem } : {}),
    ...(query.order ? { order: query.order } : {}),
  };
}
