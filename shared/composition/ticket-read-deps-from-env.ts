import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbTicketReader } from '../adapters/dynamodb/dynamodb-ticket-reader.ts';
import { serviceDeskConfig } from '../config/service-desk-config.ts';
import { ENV, requiredEnv } from '../environment.ts';
import type { TicketReadDeps } from '../use-cases/ticket-deps.ts';

type DocumentClient = ReturnType<typeof createDocumentClient>;

let client: DocumentClient | undefined;
let deps: TicketReadDeps | undefined;

/** The table's document client, one per cold start: the reads and the writes of a process share it. */
export function ticketTableClientFromEnv(): DocumentClient {
  client ??= createDocumentClient();
  return client;
}

/**
 * The read routes' dependencies, built once per cold start: the store's reads alone, without the
 * writes and the SLA accounting that wraps them (see ticket-deps-from-env.ts), which only a write
 * needs and a read route does not bundle.
 */
export function ticketReadDepsFromEnv(): TicketReadDeps {
  deps ??= { store: new DynamoDbTicketReader(ticketTableClientFromEnv(), requiredEnv(ENV.tableName)), config: serviceDeskConfig(), now: () => new Date() };
  return deps;
}
