import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbTicketStore } from '../adapters/dynamodb/dynamodb-ticket-store.ts';
import { serviceDeskConfig } from '../config/service-desk-config.ts';
import { ENV, requiredEnv } from '../environment.ts';
import { systemClockAndIds, type TicketDeps } from '../use-cases/ticket-deps.ts';

let deps: TicketDeps | undefined;

/** The ticket use cases' dependencies on AWS (or DynamoDB Local), built once per cold start. */
export function ticketDepsFromEnv(): TicketDeps {
  deps ??= {
    store: new DynamoDbTicketStore(createDocumentClient(), requiredEnv(ENV.tableName)),
    config: serviceDeskConfig(),
    ...systemClockAndIds(),
  };
  return deps;
}
