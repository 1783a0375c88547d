import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { Requester } from '../domain/ticket.ts';

/**
 * Adds what the directory knows of a requester (name, organisation, location, VIP) so routing,
 * SLA policies and reports read it from the ticket; a name given with the request wins.
 */
export function requesterFromDirectory(config: ServiceDeskConfig, requester: Requester): Requester {
  const entry = config.directory.find((candidate) => candidate.email === requester.email);
  if (!entry) return requester;
  const name = requester.name ?? entry.name;
  return {
    email: requester.email,
    ...(name ? { name } : {}),
    ...(entry.organisation ? { organisation: entry.organisation } : {}),
    ...(entry.location ? { location: entry.location } : {}),
    ...(entry.vip ? { vip: true } : {}),
  };
}
