import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AgentCounter, DeskCountChange, DeskCounter, LevelCounter } from '../../domain/queue-counts.ts';
import type { AgentQueueCounts, DeskQueueCounts, QueueCountReader } from '../../ports/queue-counts.ts';
import { agentWorkloadKey, deskCountsKey } from '../../store/keys.ts';
import type { TransactItem } from './document-client.ts';

type Item = Record<string, unknown>;

const DESK_COUNTERS: readonly DeskCounter[] = ['active', 'unassigned', 'atRisk', 'breached'];
const LEVEL_COUNTER_ATTRIBUTE = /^level#([a-z][a-z0-9-]*)#(active|unassigned)$/;

/** The attribute of a desk counter on the desk's counts item; a level's live beside the desk's. */
export const deskCounterAttribute = (counter: DeskCounter, level?: string): string => (level ? `level#${level}#${counter}` : counter);

/** The attribute of an agent counter on the agent's workload item, beside `openTickets`. */
export const AGENT_COUNTER_ATTRIBUTES: Record<AgentCounter, string> = { active: 'activeTickets', atRisk: 'atRisk', breached: 'breached' };

/** Every counter attribute of a desk counts item, with its delta. */
export function deskCounterDeltas(change: DeskCountChange): [attribute: string, delta: number][] {
  return [
    ...Object.entries(change.counts).map(([counter, delta]): [string, number] => [deskCounterAttribute(counter as DeskCounter), delta]),
    ...Object.entries(change.levels).flatMap(([level, counts]) => Object.entries(counts).map(([counter, delta]): [string, number] => [deskCounterAttribute(counter as LevelCounter, level), delta])),
  ];
}

/** One `ADD` Update per desk whose counters move, for the ticket's own transaction. */
export function deskCountTransactItems(tableName: string, changes: readonly DeskCountChange[]): TransactItem[] {
  return changes.map((change) => {
    const deltas = deskCounterDeltas(change);
    return {
      Update: {
        TableName: tableName,
        Key: deskCountsKey(change.desk),
        UpdateExpression: `ADD ${deltas.map((_, i) => `#c${i} :c${i}`).join(', ')} SET entity = :entity`,
        ExpressionAttributeNames: Object.fromEntries(deltas.map(([attribute], i) => [`#c${i}`, attribute])),
        ExpressionAttributeValues: { ...Object.fromEntries(deltas.map(([, delta], i) => [`:c${i}`, delta])), ':entity': 'queue_counts' },
      },
    };
  });
}

const numberOf = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0) || 0);

/** A desk counts item as counts; no item means every count is zero. */
export function toDeskQueueCounts(desk: string, item: Item | undefined): DeskQueueCounts {
  const counts: DeskQueueCounts = { desk, active: 0, unassigned: 0, atRisk: 0, breached: 0, levels: {} };
  for (const counter of DESK_COUNTERS) counts[counter] = numberOf(item?.[counter]);
  for (const [name, value] of Object.entries(item ?? {})) {
    const match = LEVEL_COUNTER_ATTRIBUTE.exec(name);
    if (!match) continue;
    const level = (counts.levels[match[1]!] ??= { active: 0, unassigned: 0 });
    level[match[2] as LevelCounter] = numberOf(value);
  }
  return counts;
}

/** The queue counters on the single table (see shared/store/ACCESS-PATTERNS.md). */
export class DynamoDbQueueCounts implements QueueCountReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async deskCounts(desks: readonly string[]): Promise<DeskQueueCounts[]> {
    // Parallel strongly consistent gets: the functions' role has GetItem but no BatchGetItem.
    return Promise.all(
      desks.map(async (desk) => {
        const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: deskCountsKey(desk), ConsistentRead: true }));
        return toDeskQueueCounts(desk, Item);
      }),
    );
  }

  async agentCounts(emails: readonly string[]): Promise<AgentQueueCounts[]> {
    return Promise.all(
      emails.map(async (email) => {
        const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: agentWorkloadKey(email), ConsistentRead: true }));
        return {
          email,
          openTickets: numberOf(Item?.openTickets),
          active: numberOf(Item?.[AGENT_COUNTER_ATTRIBUTES.active]),
          atRisk: numberOf(Item?.[AGENT_COUNTER_ATTRIBUTES.atRisk]),
          breached: numberOf(Item?.[AGENT_COUNTER_ATTRIBUTES.breached]),
        };
      }),
    );
  }
}
