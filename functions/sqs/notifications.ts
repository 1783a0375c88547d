import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbAutoReplyLimiter } from '#shared/adapters/dynamodb/dynamodb-auto-reply-limiter';
import { DynamoDbUndeliverableAddresses } from '#shared/adapters/dynamodb/dynamodb-undeliverable-addresses';
import { sesMailSenderFromEnv } from '#shared/adapters/ses/ses-mail-sender';
import { ENV, requiredEnv } from '#shared/environment';
import { replyAddressSecretFromEnv, signingKeyFromEnv } from '#shared/composition/signing-key-from-env';
import { ticketDepsFromEnv } from '#shared/composition/ticket-deps-from-env';
import { logger } from '#shared/observability/logger';
import { sqsBatchHandler } from '#shared/queue/sqs-batch-handler';
import { notificationSchema, sendNotification, type SendNotificationDeps } from '#shared/use-cases/send-notification';

/**
 * Sends queued notifications through SES. Each message fails alone and is retried, then
 * dead-lettered; a notification already sent is not sent twice.
 */
export function notificationsHandler(dependencies: () => Promise<SendNotificationDeps>) {
  return sqsBatchHandler('Notification failed', async (record) => {
    const notification = notificationSchema.parse(JSON.parse(record.body));
    const outcome = await sendNotification(await dependencies(), notification);
    // Kind and ticket only: recipients' addresses stay out of the logs.
    logger.info('Notification handled', { id: notification.id, kind: notification.kind, outcome });
  });
}

let deps: Promise<SendNotificationDeps> | undefined;

export const handler = notificationsHandler(() => {
  deps ??= Promise.all([replyAddressSecretFromEnv(), signingKeyFromEnv().approvalLinkKey()]).then(([replyAddressSecret, approvalLinkKey]) => {
    const { config, store, now } = ticketDepsFromEnv();
    const limiter = new DynamoDbAutoReplyLimiter(createDocumentClient(), requiredEnv(ENV.tableName));
    const undeliverable = new DynamoDbUndeliverableAddresses(createDocumentClient(), requiredEnv(ENV.tableName));
    const approvalLinks = { key: approvalLinkKey, apiUrl: requiredEnv(ENV.publicApiUrl) };
    return { config, store, now, sender: sesMailSenderFromEnv(), limiter, undeliverable, replyAddressSecret, approvalLinks };
  });
  return deps;
});
