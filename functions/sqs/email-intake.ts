import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { rawMailLocationsFromSqsBody } from '#shared/adapters/s3/s3-event-notification';
import { s3AttachmentStoreFromEnv } from '#shared/adapters/s3/s3-attachment-store';
import { s3RawMailStoreFromEnv } from '#shared/adapters/s3/s3-raw-mail-store';
import { emailIntakeDepsFromEnv } from '#shared/composition/email-intake-deps-from-env';
import { logger } from '#shared/observability/logger';
import { describeRawMailLocation, type RawMailStore } from '#shared/ports/raw-mail-store';
import { ingestEmail, type IngestDeps } from '#shared/use-cases/ingest-email';

/**
 * Inbound mail, from the `email-intake` queue: each record is the S3 notification of a raw mail that
 * SES stored (the local SMTP server stores and notifies the same way). A mail that fails is reported
 * alone and retried, then dead-lettered; the rest of the batch goes on.
 */
export function emailIntakeHandler(dependencies: () => Promise<{ deps: IngestDeps; store: RawMailStore }>) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const { deps, store } = await dependencies();
        for (const location of rawMailLocationsFromSqsBody(record.body)) {
          const result = await ingestEmail(deps, await store.get(location), describeRawMailLocation(location));
          // Outcome and ticket only: addresses and subjects stay out of the logs.
          logger.info('Mail ingested', { ...result, location: location.key });
        }
      } catch (error) {
        logger.error('Mail intake failed', { messageId: record.messageId, error: error as Error });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

export const handler = emailIntakeHandler(async () => ({
  deps: { ...(await emailIntakeDepsFromEnv()), attachments: s3AttachmentStoreFromEnv() },
  store: s3RawMailStoreFromEnv(),
}));
