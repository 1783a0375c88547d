import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../observability/logger.ts';

/**
 * An SQS consumer with partial batch failures: each record is handled alone, and one that throws
 * is logged with `failure` and its message id and reported, so it alone is retried and in the end
 * dead-lettered while the rest of the batch goes on.
 */
export function sqsBatchHandler(failure: string, handleRecord: (record: SQSRecord) => Promise<void>) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        await handleRecord(record);
      } catch (error) {
        logger.error(failure, { messageId: record.messageId, error: error as Error });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}
