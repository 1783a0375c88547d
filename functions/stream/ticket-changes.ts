import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { addedComment, ticketImages, writtenInvitation } from '#shared/adapters/dynamodb/stream-images';
import { eventBridgeTimerSchedulerFromEnv } from '#shared/adapters/scheduler/eventbridge-timer-scheduler';
import { sqsNotificationQueueFromEnv } from '#shared/adapters/sqs/sqs-notification-queue';
import { ticketDepsFromEnv } from '#shared/composition/ticket-deps-from-env';
import { logger } from '#shared/observability/logger';
import { ENV } from '#shared/environment';
import { followInvitation, followNewComment, followTicketChange, type TicketChangeDeps } from '#shared/use-cases/follow-ticket-change';

/**
 * Follows every ticket change on the table's stream: SLA timers are made to match the new state and
 * notifications are queued; a written invitation is mailed. Records fail one by one (the rest of the batch waits) and are retried in order.
 */
export function ticketChangesHandler(dependencies: () => TicketChangeDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const comment = addedComment(record);
        if (comment) {
          await followNewComment(dependencies(), comment);
          continue;
        }
        const invitation = writtenInvitation(record);
        if (invitation) {
          await followInvitation(dependencies(), invitation);
          continue;
        }
        const { before, after } = ticketImages(record);
        if (!before && !after) continue;
        const result = await followTicketChange(dependencies(), before, after);
        if (result.created || result.deleted || result.queued) logger.info('Ticket change followed', { ticket: (after ?? before)!.key, ...result });
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

export const handler = ticketChangesHandler(() => {
  const { config, store } = ticketDepsFromEnv();
  const webUrl = process.env[ENV.publicWebUrl];
  return { config, store, scheduler: eventBridgeTimerSchedulerFromEnv(), notifications: sqsNotificationQueueFromEnv(), ...(webUrl ? { webUrl } : {}) };
});
