import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbAssignmentStore } from '../adapters/dynamodb/dynamodb-assignment-store.ts';
import { ENV, requiredEnv } from '../environment.ts';
import type { AssignmentStore } from '../ports/assignment-store.ts';

let store: AssignmentStore | undefined;

/** The assignment store on AWS (or DynamoDB Local), built once per cold start. */
export function assignmentStoreFromEnv(): AssignmentStore {
  store ??= new DynamoDbAssignmentStore(createDocumentClient(), requiredEnv(ENV.tableName));
  return store;
}
