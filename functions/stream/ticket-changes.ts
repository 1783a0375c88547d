import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ticketImages } from '#shared/adapters/dynamodb/stream-images';
import { eventBridgeTimerSchedulerFromEnv } from '#shared/adapters/scheduler/eventbridge-timer-scheduler';
import { logger } from '#shared/observability/logger';
import type { TimerScheduler } from '#shared/ports/timer-scheduler';
import { reconcileSlaTimers } from '#shared/use-cases/reconcile-sla-timers';

/**
 * Follows every ticket change on the table's stream: the SLA timers are made to match the new
 * state. Records fail one by one (the rest of the batch goes on) and are retried in order.
 */
export function ticketChangesHandler(scheduler: () => TimerScheduler) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const { before, after } = ticketImages(record);
        if (!before && !after) continue;
        const result = await reconcileSlaTimers(scheduler(), before, after);
        if (result.created || result.deleted) logger.info('SLA timers reconciled', { ticket: (after ?? before)!.key, ...result });
      } catch (error) {
        logger.error('Ticket change failed', { sequenceNumber: record.dynamodb?.SequenceNumber, error: error as Error });
        // Stream order matters per ticket: stop here, later records are retried after this one.
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
        break;
      }
    }
    return { batchItemFailures };
  };
}

export const handler = ticketChangesHandler(eventBridgeTimerSchedulerFromEnv);
