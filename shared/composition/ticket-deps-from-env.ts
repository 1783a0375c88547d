import { serviceDeskConfig } from '../config/service-desk-config.ts';
import { SlaTrackingTicketStore } from '../use-cases/sla-tracking-ticket-store.ts';
import { systemClockAndIds, type TicketDeps } from '../use-cases/ticket-deps.ts';
import { ticketTableStoreFromEnv } from './ticket-read-deps-from-env.ts';

let deps: TicketDeps | undefined;

/** The ticket use cases' dependencies on AWS (or DynamoDB Local), built once per cold start. */
export function ticketDepsFromEnv(): TicketDeps {
  const config = serviceDeskConfig();
  // Every write goes through the SLA accounting, so clocks are current whichever path wrote.
  deps ??= {
    store: new SlaTrackingTicketStore(ticketTableStoreFromEnv(), config),
    config,
    ...systemClockAndIds(),
  };
  return deps;
}
