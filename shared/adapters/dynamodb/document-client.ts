import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../environment.ts';
import { injectFaultsFromEnv } from '../fault-injection.ts';

/** Builds a document client; locally DYNAMODB_ENDPOINT points it at DynamoDB Local. */
export function createDocumentClient(endpoint = process.env[ENV.dynamodbEndpoint]): DynamoDBDocumentClient {
  const client = new DynamoDBClient(
    endpoint
      ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {},
  );
  injectFaultsFromEnv(client, 'dynamodb');
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
