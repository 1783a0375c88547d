import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { SILENT_SDK_LOGGER } from '../shared/adapters/aws-http/silent-sdk-logger.ts';

export type StreamConsumer = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface LocalStreamOptions {
  endpoint: string;
  tableName: string;
  consumer: StreamConsumer;
  /** How often an idle shard is read again. */
  pollMs?: number;
  /** Tries of a failing record before it is set aside (and logged) so the stream moves on. */
  maxAttempts?: number;
  log?: (line: string) => void;
}

export interface LocalStream {
  stop(): Promise<void>;
  /** Records the consumer kept failing on; on AWS they would go to the stream's failure destination. */
  deadLetters(): DynamoDBRecord[];
  /** Resolves once every record written so far has been handed to the consumer. */
  drain(): Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Reads DynamoDB Local's stream of the table and hands its records to the stream handler as a
 * Lambda event, in order, like the DynamoDB event source on AWS: a failed record is retried before
 * anything after it, and set aside after `maxAttempts`. Starts at the latest record: changes made
 * while `npm start` was down are not replayed (pending timers are restored from their own store).
 */
export async function startLocalStream(options: LocalStreamOptions): Promise<LocalStream> {
  const { endpoint, tableName, consumer, pollMs = 100, maxAttempts = 5, log = (line) => console.error(line) } = options;
  const dynamodb = new DynamoDBClient({ endpoint, region: 'local', credentials });
  const streams = new DynamoDBStreamsClient({ endpoint, region: 'local', credentials, logger: SILENT_SDK_LOGGER });
  const table = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${tableName} has no stream`);

  const iterators = new Map<string, string>();
  const dead: DynamoDBRecord[] = [];
  let stopped = false;
  let idle = true;

  const discoverShards = async (type: 'LATEST' | 'TRIM_HORIZON') => {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
      // New shards that appear later are read from their start; at start-up only open shards, from now.
      if (type === 'LATEST' && !open) continue;
      const iterator = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: type }));
      if (iterator.ShardIterator) iterators.set(shard.ShardId, iterator.ShardIterator);
    }
  };

  const deliver = async (records: DynamoDBRecord[]) => {
    let pending = records;
    let attempt = 1;
    while (pending.length > 0 && !stopped) {
      let failedAt = -1;
      try {
        const response = await consumer({ Records: pending });
        const failed = response?.batchItemFailures?.[0]?.itemIdentifier;
        if (failed !== undefined)
          failedAt = Math.max(
            pending.findIndex((record) => record.dynamodb?.SequenceNumber === failed),
            0,
          );
      } catch (error) {
        log(`stream handler failed: ${(error as Error).message}`);
        failedAt = 0;
      }
      if (failedAt < 0) return;
      pending = pending.slice(failedAt);
      if (attempt >= maxAttempts) {
        dead.push(pending[0]!);
        log(`stream record ${pending[0]!.dynamodb?.SequenceNumber} set aside after ${attempt} attempts`);
        pending = pending.slice(1);
        attempt = 1;
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      attempt += 1;
    }
  };

  const loop = async () => {
    await discoverShards('LATEST');
    while (!stopped) {
      idle = true;
      if (iterators.size === 0) await discoverShards('TRIM_HORIZON');
      for (const [shardId, iterator] of iterators) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        const records = (page.Records ?? []).map(asLambdaRecord);
        if (records.length > 0) {
          idle = false;
          await deliver(records);
        }
        if (page.NextShardIterator) iterators.set(shardId, page.NextShardIterator);
        else {
          iterators.delete(shardId);
          await discoverShards('TRIM_HORIZON');
        }
      }
      if (idle) await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  const running = loop().catch((error: unknown) => {
    if (!stopped) log(`local stream stopped: ${(error as Error).message}`);
  });
  // Wait until the reader holds its iterators, so that writes from now on are seen.
  for (let waited = 0; iterators.size === 0 && !stopped && waited < 5000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  return {
    async stop() {
      stopped = true;
      await running;
      dynamodb.destroy();
      streams.destroy();
    },
    deadLetters: () => [...dead],
    async drain() {
      // Two idle rounds in a row: everything written before the call has been read and delivered.
      for (let rounds = 0; rounds < 2;) {
        await new Promise((resolve) => setTimeout(resolve, pollMs * 2));
        rounds = idle ? rounds + 1 : 0;
      }
    },
  };
}

/**
 * The SDK's streams client decodes an empty map attribute as `{}` where the Lambda event carries
 * `{ "M": {} }`; restore the Lambda shape so the handler sees what it sees on AWS.
 */
function asLambdaRecord(record: unknown): DynamoDBRecord {
  type Value = Record<string, unknown>;
  const attribute = (value: Value): Value => {
    if (Object.keys(value).length === 0) return { M: {} };
    if (value.M) return { M: attributes(value.M as Record<string, Value>) };
    if (Array.isArray(value.L)) return { L: (value.L as Value[]).map(attribute) };
    return value;
  };
  const attributes = (map: Record<string, Value>) => Object.fromEntries(Object.entries(map).map(([name, value]) => [name, attribute(value)]));
  const typed = record as DynamoDBRecord;
  if (!typed.dynamodb) return typed;
  const dynamodb = { ...typed.dynamodb };
  for (const image of ['NewImage', 'OldImage', 'Keys'] as const) {
    if (dynamodb[image]) dynamodb[image] = attributes(dynamodb[image] as Record<string, Value>) as never;
  }
  return { ...typed, dynamodb };
}
