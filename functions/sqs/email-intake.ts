import { rawMailLocationsFromSqsBody } from '#shared/adapters/s3/s3-event-notification';
import { s3AttachmentStoreFromEnv } from '#shared/adapters/s3/s3-attachment-store';
import { s3RawMailStoreFromEnv } from '#shared/adapters/s3/s3-raw-mail-store';
import { emailIntakeDepsFromEnv } from '#shared/composition/email-intake-deps-from-env';
import { logger } from '#shared/observability/logger';
import { sqsBatchHandler } from '#shared/queue/sqs-batch-handler';
import { describeRawMailLocation, RawMailNotFoundError, RawMailTooLargeError, type RawMailLocation, type RawMailStore } from '#shared/ports/raw-mail-store';
import { ingestEmail, type IngestDeps } from '#shared/use-cases/ingest-email';

/**
 * Inbound mail, from the `email-intake` queue: each record is the S3 notification of a raw mail that
 * SES stored (the local SMTP server stores and notifies the same way). A mail that fails is reported
 * alone and retried, then dead-lettered; the rest of the batch goes on.
 */
export function emailIntakeHandler(dependencies: () => Promise<{ deps: IngestDeps; store: RawMailStore }>) {
  return sqsBatchHandler('Mail intake failed', async (record) => {
    const { deps, store } = await dependencies();
    for (const location of rawMailLocationsFromSqsBody(record.body)) {
      const raw = await readOrQuarantine(deps, store, location);
      if (!raw) continue;
      const result = await ingestEmail(deps, raw, describeRawMailLocation(location));
      // Outcome and ticket only: addresses and subjects stay out of the logs.
      logger.info('Mail ingested', { ...result, location: location.key });
    }
  });
}

/**
 * The raw bytes, or undefined when they can never be read (over the size limit, or gone): that
 * mail is quarantined with the reason at once instead of failing five times on its way to the
 * dead-letter queue, and `GET /mail/quarantine` shows it.
 */
async function readOrQuarantine(deps: IngestDeps, store: RawMailStore, location: RawMailLocation): Promise<Buffer | undefined> {
  try {
    return await store.get(location);
  } catch (error) {
    if (!(error instanceof RawMailTooLargeError) && !(error instanceof RawMailNotFoundError)) throw error;
    await deps.quarantine.record({ at: deps.now().toISOString(), location: describeRawMailLocation(location), reason: error.message });
    logger.warn('Mail quarantined unread', { location: location.key, reason: error.message });
    return undefined;
  }
}

export const handler = emailIntakeHandler(async () => ({
  deps: { ...(await emailIntakeDepsFromEnv()), attachments: s3AttachmentStoreFromEnv() },
  store: s3RawMailStoreFromEnv(),
}));
