import { isDeepStrictEqual } from 'node:util';
import { PutCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AGENT_COUNTER_ATTRIBUTES, deskCounterDeltas } from '../../shared/adapters/dynamodb/dynamodb-queue-counts.ts';
import { ticketItem, toTicket } from '../../shared/adapters/dynamodb/ticket-items.ts';
import { queueCountChanges } from '../../shared/domain/queue-counts.ts';
import { workloadChanges } from '../../shared/domain/workload.ts';
import { agentWorkloadKey, deskCountsKey, HISTORY_PREFIX, LEGACY_HISTORY_PREFIX, type PrimaryKey } from '../../shared/store/keys.ts';

type Item = Record<string, unknown>;

export interface KeyMigrationResult {
  scanned: number;
  /** Tickets whose index keys were rewritten (active statuses share a partition; active tickets are in the due index). */
  ticketsRekeyed: number;
  /** Tickets rewritten in the compact item layout (the SLA packed into one string, empty lists left out). */
  ticketsRepacked: number;
  /** History events moved from `HISTORY#<id>` to their place right after the ticket item. */
  historyMoved: number;
  /** Desk and agent counter items set to what the tickets say. */
  countersRebuilt: number;
}

const INDEX_KEY_NAMES = ['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK'] as const;

/** The counters each kind of counter item holds; other attributes (lastAssignedAt) are left alone. */
const WORKLOAD_COUNTERS = ['openTickets', ...Object.values(AGENT_COUNTER_ATTRIBUTES)];
const NOT_COUNTERS = new Set(['PK', 'SK', 'entity']);

/** What the tickets visited say each counter item should hold, and what the counter items visited held. */
interface CounterTally {
  expected: Map<string, { key: PrimaryKey; entity: string; values: Map<string, number> }>;
  seen: Map<string, Item>;
}

/**
 * Brings a table written by an earlier build to the current layout (shared/store/keys.ts):
 * tickets get the index keys and the item layout a save would give them now (ticket-items.ts),
 * history events move under the ticket,
 * and the desks' and agents' counters are rebuilt from the tickets. An operator's one-off
 * maintenance run, so it may Scan; key changes are conditional, so they are safe beside a running
 * desk and a second run changes nothing. Counters are set to the totals the scan counted: a ticket
 * change while it runs may leave a count off by that change, so run it when the desk is quiet (a
 * second quiet run corrects it).
 */
export async function migrateTableKeys(client: DynamoDBDocumentClient, tableName: string, options: { segments?: number } = {}): Promise<KeyMigrationResult> {
  const segments = options.segments ?? 4;
  const tally: CounterTally = { expected: new Map(), seen: new Map() };
  const results = await Promise.all(Array.from({ length: segments }, (_, segment) => migrateSegment(client, tableName, segment, segments, tally)));
  const sum = results.reduce((total, part) => ({
    scanned: total.scanned + part.scanned,
    ticketsRekeyed: total.ticketsRekeyed + part.ticketsRekeyed,
    ticketsRepacked: total.ticketsRepacked + part.ticketsRepacked,
    historyMoved: total.historyMoved + part.historyMoved,
    countersRebuilt: 0,
  }));
  return { ...sum, countersRebuilt: await rebuildCounters(client, tableName, tally) };
}

async function migrateSegment(client: DynamoDBDocumentClient, tableName: string, segment: number, totalSegments: number, tally: CounterTally): Promise<KeyMigrationResult> {
  const result: KeyMigrationResult = { scanned: 0, ticketsRekeyed: 0, ticketsRepacked: 0, historyMoved: 0, countersRebuilt: 0 };
  let startKey: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, Segment: segment, TotalSegments: totalSegments, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      result.scanned++;
      if (item.entity === 'ticket') {
        countTicket(tally, item);
        const rewritten = await rewriteTicket(client, tableName, item);
        if (rewritten.rekeyed) result.ticketsRekeyed++;
        if (rewritten.repacked) result.ticketsRepacked++;
      }
      if (item.entity === 'workload' || item.entity === 'queue_counts') tally.seen.set(keyId(item as unknown as PrimaryKey), item);
      if (item.entity === 'history' && String(item.SK).startsWith(LEGACY_HISTORY_PREFIX) && (await moveHistory(client, tableName, item))) result.historyMoved++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return result;
}

const keyId = (key: PrimaryKey): string => `${key.PK}\n${key.SK}`;

/** Adds what one ticket counts to the totals: the same changes its creation would make now. */
function countTicket(tally: CounterTally, item: Item): void {
  const ticket = toTicket(item);
  const add = (key: PrimaryKey, entity: string, attribute: string, delta: number) => {
    const id = keyId(key);
    let entry = tally.expected.get(id);
    if (!entry) tally.expected.set(id, (entry = { key, entity, values: new Map() }));
    entry.values.set(attribute, (entry.values.get(attribute) ?? 0) + delta);
  };
  const counts = queueCountChanges(undefined, ticket);
  for (const change of counts.desks) for (const [attribute, delta] of deskCounterDeltas(change)) add(deskCountsKey(change.desk), 'queue_counts', attribute, delta);
  for (const change of counts.agents) {
    for (const [counter, delta] of Object.entries(change.counts)) add(agentWorkloadKey(change.email), 'workload', AGENT_COUNTER_ATTRIBUTES[counter as keyof typeof AGENT_COUNTER_ATTRIBUTES], delta);
  }
  for (const change of workloadChanges(undefined, ticket)) add(agentWorkloadKey(change.email), 'workload', 'openTickets', change.delta);
}

/** Sets every counter item the tickets or the scan named to the totals, where they differ; a counter no ticket adds to becomes zero. */
async function rebuildCounters(client: DynamoDBDocumentClient, tableName: string, tally: CounterTally): Promise<number> {
  const ids = new Set([...tally.expected.keys(), ...tally.seen.keys()]);
  let rebuilt = 0;
  for (const id of ids) {
    const expected = tally.expected.get(id);
    const seen = tally.seen.get(id);
    const entity = expected?.entity ?? String(seen!.entity);
    const key = expected?.key ?? { PK: String(seen!.PK), SK: String(seen!.SK) };
    const counters = entity === 'workload' ? WORKLOAD_COUNTERS.filter((name) => seen?.[name] !== undefined) : Object.keys(seen ?? {}).filter((name) => !NOT_COUNTERS.has(name));
    const target = new Map([...counters.map((name): [string, number] => [name, 0]), ...(expected?.values ?? [])]);
    const differing = [...target].filter(([name, value]) => Number(seen?.[name] ?? 0) !== value);
    if (differing.length === 0) continue;
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${differing.map((_, i) => `#c${i} = :c${i}`).join(', ')}, entity = :entity`,
        ExpressionAttributeNames: Object.fromEntries(differing.map(([name], i) => [`#c${i}`, name])),
        ExpressionAttributeValues: { ...Object.fromEntries(differing.map(([, value], i) => [`:c${i}`, value])), ':entity': entity },
      }),
    );
    rebuilt++;
  }
  return rebuilt;
}

/**
 * Puts the ticket item a save would put now when its index keys or its layout differ from that,
 * unless the ticket changed meanwhile (its save wrote both). The item is read with the same
 * converter every function uses, so nothing the ticket holds is lost.
 */
async function rewriteTicket(client: DynamoDBDocumentClient, tableName: string, item: Item): Promise<{ rekeyed: boolean; repacked: boolean }> {
  const current = Object.fromEntries(Object.entries(ticketItem(toTicket(item))).filter(([, value]) => value !== undefined));
  const withoutIndexKeys = (ticket: Item) => Object.fromEntries(Object.entries(ticket).filter(([name]) => !(INDEX_KEY_NAMES as readonly string[]).includes(name)));
  const rekeyed = INDEX_KEY_NAMES.some((name) => item[name] !== current[name]);
  const repacked = !isDeepStrictEqual(withoutIndexKeys(item), withoutIndexKeys(current));
  if (!rekeyed && !repacked) return { rekeyed, repacked };
  try {
    await client.send(new PutCommand({ TableName: tableName, Item: current, ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': item.version } }));
    return { rekeyed, repacked };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return { rekeyed: false, repacked: false };
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
