import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { findFreePort } from '../../local/port-check.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One in-memory DynamoDB Local for the whole run; each test app makes its own table in it. */
    dynamodbEndpoint: string;
  }
}

/**
 * Starts DynamoDB Local once per run. Without Java this throws the install instructions rather
 * than skipping: integration tests that silently do not run prove nothing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamodb = await startDynamoDbLocal({ port: await findFreePort() });
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return () => dynamodb.stop();
}
