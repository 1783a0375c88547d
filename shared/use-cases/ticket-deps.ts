import { monotonicFactory } from 'ulid';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { TicketReader, TicketStore } from '../ports/ticket-store.ts';

/** What the ticket use cases need from the outside world, injected so tests can pin time and ids. */
export interface TicketDeps {
  store: TicketStore;
  config: ServiceDeskConfig;
  now: () => Date;
  /** Sortable unique ids (ULIDs): comments and history read back in the order they happened. */
  newId: () => string;
}

/** What the read use cases need: the store's reads, the configuration and the clock of the answer. */
export interface TicketReadDeps {
  store: TicketReader;
  config: ServiceDeskConfig;
  now: () => Date;
}

export function systemClockAndIds(): Pick<TicketDeps, 'now' | 'newId'> {
  const ulid = monotonicFactory();
  return { now: () => new Date(), newId: () => ulid() };
}
