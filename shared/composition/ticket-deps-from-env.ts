import { DynamoDbTicketStore } from '../adapters/dynamodb/dynamodb-ticket-store.ts';
import { serviceDeskConfig } from '../config/service-desk-config.ts';
import { ENV, requiredEnv } from '../environment.ts';
import { SlaTrackingTicketStore } from '../use-cases/sla-tracking-ticket-store.ts';
import { systemClockAndIds, type TicketDeps } from '../use-cases/ticket-deps.ts';
import { ticketTableClientFromEnv } from './ticket-read-deps-from-env.ts';

let deps: TicketDeps | undefined;

/** The ticket use cases' dependencies on AWS (or DynamoDB Local), built once per cold start. */
export function ticketDepsFromEnv(): TicketDeps {
  const config = serviceDeskConfig();
  // Every write goes through the SLA accounting, so clocks are current whichever path wrote.
  deps ??= {
    store: new SlaTrackingTicketStore(new DynamoDbTicketStore(ticketTableClientFromEnv(), requiredEnv(ENV.tableName)), config),
    config,
    ...systemClockAndIds(),
  };
  return deps;
}
