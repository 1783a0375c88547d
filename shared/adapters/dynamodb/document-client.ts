import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../environment.ts';
import { SILENT_SDK_LOGGER } from '../aws-http/silent-sdk-logger.ts';
import { injectFaultsFromEnv } from '#fault-injection';

/** One write of a transaction, as the adapters put them together. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Told of every client made here; the benchmarks count consumed capacity this way. */
export type DynamoDbClientObserver = (client: DynamoDBClient) => void;

const observers = new Set<DynamoDbClientObserver>();

/**
 * Registers an observer of the clients created from now on, and returns its removal. Only the
 * benchmarks register one (to add a capacity-counting middleware); the functions never do.
 */
export function observeDynamoDbClients(observer: DynamoDbClientObserver): () => void {
  observers.add(observer);
  return () => void observers.delete(observer);
}

/** Builds a document client; locally DYNAMODB_ENDPOINT points it at DynamoDB Local. */
export function createDocumentClient(endpoint = process.env[ENV.dynamodbEndpoint]): DynamoDBDocumentClient {
  const local = endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
  const client = new DynamoDBClient({ ...local, logger: SILENT_SDK_LOGGER });
  injectFaultsFromEnv(client, 'dynamodb');
  for (const observe of observers) observe(client);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
