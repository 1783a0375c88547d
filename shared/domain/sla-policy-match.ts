import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { SlaPolicy } from '../config/sla-schema.ts';
import { isWithin } from './catalog.ts';
import type { Ticket } from './ticket.ts';

// Organisation and location names are typed by people; case and spacing should not matter.
const sameName = (names: readonly string[], value: string | undefined): boolean => value !== undefined && names.some((name) => name.trim().toLowerCase() === value.trim().toLowerCase());

/** The first SLA policy, in configuration order, whose conditions all hold for the ticket. */
export function matchSlaPolicy(config: ServiceDeskConfig, ticket: Ticket): SlaPolicy | undefined {
  return config.slaPolicies.find(({ when }) => {
    if (when.desks && !when.desks.includes(ticket.desk)) return false;
    if (when.catalog && !(ticket.catalogItem && isWithin(config, ticket.catalogItem, when.catalog))) return false;
    if (when.priorities && !when.priorities.includes(ticket.priority)) return false;
    if (when.vip !== undefined && (ticket.requester.vip ?? false) !== when.vip) return false;
    if (when.organisations && !sameName(when.organisations, ticket.requester.organisation)) return false;
    if (when.locations && !sameName(when.locations, ticket.requester.location)) return false;
    if (when.types && !when.types.includes(ticket.type)) return false;
    return true;
  });
}
