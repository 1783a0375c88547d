import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbTicketStore } from '../adapters/dynamodb/dynamodb-ticket-store.ts';
import { serviceDeskConfig } from '../config/service-desk-config.ts';
import { ENV, requiredEnv } from '../environment.ts';
import type { TicketReadDeps } from '../use-cases/ticket-deps.ts';

let store: DynamoDbTicketStore | undefined;
let deps: TicketReadDeps | undefined;

/** The table's ticket store, one per cold start; the write routes wrap it in the SLA accounting. */
export function ticketTableStoreFromEnv(): DynamoDbTicketStore {
  store ??= new DynamoDbTicketStore(createDocumentClient(), requiredEnv(ENV.tableName));
  return store;
}

/**
 * The read routes' dependencies, built once per cold start: the store without the SLA accounting
 * that wraps it for writes (see ticket-deps-from-env.ts), which only a write needs.
 */
export function ticketReadDepsFromEnv(): TicketReadDeps {
  deps ??= { store: ticketTableStoreFromEnv(), config: serviceDeskConfig(), now: () => new Date() };
  return deps;
}
