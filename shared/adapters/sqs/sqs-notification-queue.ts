import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Notification } from '../../domain/notifications.ts';
import { ENV, requiredEnv } from '../../environment.ts';
import type { NotificationQueue } from '../../ports/notification-queue.ts';
import { SILENT_SDK_LOGGER } from '../aws-http/silent-sdk-logger.ts';

/** SQS takes at most ten messages per batch. */
const BATCH = 10;

/** Notifications onto the `notifications` queue; any message SQS refuses fails the whole call, to be retried. */
export class SqsNotificationQueue implements NotificationQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(notifications: readonly Notification[]): Promise<void> {
    for (let start = 0; start < notifications.length; start += BATCH) {
      const batch = notifications.slice(start, start + BATCH);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((notification, index) => ({ Id: String(index), MessageBody: JSON.stringify(notification) })),
        }),
      );
      if (result.Failed?.length) throw new Error(`SQS refused ${result.Failed.length} notification(s): ${result.Failed.map((failure) => failure.Code).join(', ')}`);
    }
  }
}

let queue: SqsNotificationQueue | undefined;

export function sqsNotificationQueueFromEnv(): SqsNotificationQueue {
  queue ??= new SqsNotificationQueue(new SQSClient({ logger: SILENT_SDK_LOGGER }), requiredEnv(ENV.notificationsQueueUrl));
  return queue;
}
