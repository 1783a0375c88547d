import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbQueueCounts } from '../adapters/dynamodb/dynamodb-queue-counts.ts';
import { ENV, requiredEnv } from '../environment.ts';
import type { QueueCountReader } from '../ports/queue-counts.ts';

let reader: QueueCountReader | undefined;

/** The queue counters on AWS (or DynamoDB Local), built once per cold start. */
export function queueCountsFromEnv(): QueueCountReader {
  reader ??= new DynamoDbQueueCounts(createDocumentClient(), requiredEnv(ENV.tableName));
  return reader;
}
