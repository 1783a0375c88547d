import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbAssignmentStore } from '../../shared/adapters/dynamodb/dynamodb-assignment-store.ts';
import { DynamoDbTicketStore } from '../../shared/adapters/dynamodb/dynamodb-ticket-store.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import type { SlaMetric } from '../../shared/domain/sla-timer.ts';
import { handleSlaTimer } from '../../shared/use-cases/handle-sla-timer.ts';
import { SlaTrackingTicketStore } from '../../shared/use-cases/sla-tracking-ticket-store.ts';
import { systemClockAndIds } from '../../shared/use-cases/ticket-deps.ts';
import type { TestApp } from './harness.ts';

/**
 * Fires one SLA threshold of a ticket now, as its timer would when due: 75 puts it at risk, 100
 * breaches it. Waiting for the real timers would take the targets' minutes.
 */
export async function fireSlaThreshold(app: TestApp, ticketKey: string, metric: SlaMetric, threshold: number): Promise<void> {
  const client = createDocumentClient(app.endpoint);
  const config = serviceDeskConfig();
  const store = new SlaTrackingTicketStore(new DynamoDbTicketStore(client, app.tableName), config);
  const ticket = await store.getTicket(ticketKey);
  const slaVersion = ticket?.sla?.version;
  if (slaVersion === undefined) throw new Error(`${ticketKey} has no SLA to fire`);
  const deps = { store, config, ...systemClockAndIds(), assignments: new DynamoDbAssignmentStore(client, app.tableName) };
  const outcome = await handleSlaTimer(deps, { ticketKey, metric, threshold, slaVersion });
  if (outcome !== 'applied') throw new Error(`the ${threshold}% ${metric} firing of ${ticketKey} was ${outcome}`);
}
