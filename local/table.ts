import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, TTL_ATTRIBUTE } from '#shared/store/table-definition';

/**
 * Creates the table from the same definition the stack uses, unless it exists, adds the indexes
 * a table made by an earlier build lacks, and turns TTL on. Safe to call on every start and from
 * parallel test files. Returns the names of the indexes it added to an existing table.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<string[]> {
  let added: string[] = [];
  if (await tableExists(client, tableName)) {
    added = await addMissingIndexes(client, tableName);
  } else {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (error) {
      // Someone else created it between our check and our create: same outcome.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  }
  return added;
}

/** Creates each index of the definition the table lacks, one at a time (as DynamoDB requires), and waits until it is active. */
async function addMissingIndexes(client: DynamoDBClient, tableName: string): Promise<string[]> {
  const definition = createTableInput(tableName);
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const added: string[] = [];
  for (const index of definition.GlobalSecondaryIndexes.filter((candidate) => !present.has(candidate.IndexName))) {
    const keyNames = new Set<string>(index.KeySchema.map((key) => key.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: definition.AttributeDefinitions.filter((attribute) => keyNames.has(attribute.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitUntilIndexActive(client, tableName, index.IndexName);
    added.push(index.IndexName);
  }
  return added;
}

async function waitUntilIndexActive(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  for (let polls = 0; polls < 300; polls++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === indexName)?.IndexStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Index ${indexName} of ${tableName} did not become active within 2.5 minutes`);
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}
