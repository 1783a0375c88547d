import { ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { HISTORY_PREFIX, LEGACY_HISTORY_PREFIX, ticketIndexKeys } from '../../shared/store/keys.ts';
import { toTicket } from '../../shared/adapters/dynamodb/ticket-items.ts';

type Item = Record<string, unknown>;

export interface KeyMigrationResult {
  scanned: number;
  /** Tickets whose queue index keys were rewritten (active statuses now share a partition). */
  ticketsRekeyed: number;
  /** History events moved from `HISTORY#<id>` to their place right after the ticket item. */
  historyMoved: number;
}

const INDEX_KEY_NAMES = ['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'] as const;

/**
 * Brings a table written by an earlier build to the current key layout (shared/store/keys.ts):
 * tickets get the index keys a save would give them now, history events move under the ticket.
 * An operator's one-off maintenance run, so it may Scan; every change is conditional, so it is
 * safe beside a running desk and a second run changes nothing.
 */
export async function migrateTableKeys(client: DynamoDBDocumentClient, tableName: string, options: { segments?: number } = {}): Promise<KeyMigrationResult> {
  const segments = options.segments ?? 4;
  const results = await Promise.all(Array.from({ length: segments }, (_, segment) => migrateSegment(client, tableName, segment, segments)));
  return results.reduce((sum, part) => ({
    scanned: sum.scanned + part.scanned,
    ticketsRekeyed: sum.ticketsRekeyed + part.ticketsRekeyed,
    historyMoved: sum.historyMoved + part.historyMoved,
  }));
}

async function migrateSegment(client: DynamoDBDocumentClient, tableName: string, segment: number, totalSegments: number): Promise<KeyMigrationResult> {
  const result: KeyMigrationResult = { scanned: 0, ticketsRekeyed: 0, historyMoved: 0 };
  let startKey: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, Segment: segment, TotalSegments: totalSegments, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      result.scanned++;
      if (item.entity === 'ticket' && (await rekeyTicket(client, tableName, item))) result.ticketsRekeyed++;
      if (item.entity === 'history' && String(item.SK).startsWith(LEGACY_HISTORY_PREFIX) && (await moveHistory(client, tableName, item))) result.historyMoved++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return result;
}

/** Rewrites a ticket's index keys when they differ from the current ones, unless the ticket changed meanwhile (its save wrote them). */
async function rekeyTicket(client: DynamoDBDocumentClient, tableName: string, item: Item): Promise<boolean> {
  const expected = ticketIndexKeys(toTicket(item));
  if (INDEX_KEY_NAMES.every((name) => item[name] === expected[name])) return false;
  const set = INDEX_KEY_NAMES.filter((name) => expected[name] !== undefined);
  const remove = INDEX_KEY_NAMES.filter((name) => expected[name] === undefined && item[name] !== undefined);
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: item.PK, SK: item.SK },
        UpdateExpression: [`SET ${set.map((name) => `${name} = :${name}`).join(', ')}`, ...(remove.length ? [`REMOVE ${remove.join(', ')}`] : [])].join(' '),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ...Object.fromEntries(set.map((name) => [`:${name}`, expected[name]])), ':version': item.version },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Puts the event under its new key and deletes the old one, in one transaction. */
async function moveHistory(client: DynamoDBDocumentClient, tableName: string, item: Item): Promise<boolean> {
  const newSk = `${HISTORY_PREFIX}${String(item.SK).slice(LEGACY_HISTORY_PREFIX.length)}`;
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { ...item, SK: newSk }, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Delete: { TableName: tableName, Key: { PK: item.PK, SK: item.SK }, ConditionExpression: 'attribute_exists(PK)' } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
}
