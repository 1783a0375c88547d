import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AgentCountChange, AgentCounter } from '../../domain/queue-counts.ts';
import type { WorkloadChange } from '../../domain/workload.ts';
import type { AgentAvailability, AgentWorkload, AssignmentStore, WorkloadGuard } from '../../ports/assignment-store.ts';
import { agentAvailabilityKey, agentWorkloadKey, rotationKey } from '../../store/keys.ts';
import type { TransactItem } from './document-client.ts';
import { AGENT_COUNTER_ATTRIBUTES } from './dynamodb-queue-counts.ts';

/** Assignment state on the single table (see shared/store/ACCESS-PATTERNS.md). */
export class DynamoDbAssignmentStore implements AssignmentStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async nextRotation(desk: string, level: string): Promise<number> {
    // One atomic ADD per turn: concurrent requests each get their own position.
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: rotationKey(desk, level),
        UpdateExpression: 'ADD #position :one SET entity = :entity',
        ExpressionAttributeNames: { '#position': 'position' },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'rotation' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.position);
  }

  async workloads(emails: readonly string[]): Promise<AgentWorkload[]> {
    // Parallel strongly consistent gets: the functions' role has GetItem but no BatchGetItem.
    return Promise.all(
      emails.map(async (email) => {
        const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: agentWorkloadKey(email), ConsistentRead: true }));
        const lastAssignedAt = typeof Item?.lastAssignedAt === 'string' ? Item.lastAssignedAt : undefined;
        return { email, openTickets: Number(Item?.openTickets ?? 0), ...(lastAssignedAt ? { lastAssignedAt } : {}) };
      }),
    );
  }

  async availability(emails: readonly string[]): Promise<Map<string, boolean>> {
    const entries = await Promise.all(
      emails.map(async (email): Promise<[string, boolean]> => {
        const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: agentAvailabilityKey(email), ConsistentRead: true }));
        return [email, Item?.available !== false];
      }),
    );
    return new Map(entries);
  }

  async setAvailability(email: string, available: boolean, by: string, now: string): Promise<AgentAvailability> {
    const availability: AgentAvailability = { email, available, updatedAt: now, updatedBy: by };
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...agentAvailabilityKey(email), entity: 'availability', ...availability },
      }),
    );
    return availability;
  }
}

/**
 * Transaction items that move agents' counters together with a ticket write: the workload count
 * (`openTickets`) and the queue counts (`counts`: assigned active tickets, at risk, breached),
 * merged into one Update per agent item, since a transaction may touch an item only once. Also the
 * position among them of the item carrying the guard's condition (if a guard was given).
 */
export function workloadTransactItems(
  tableName: string,
  changes: readonly WorkloadChange[],
  now: string,
  guard?: WorkloadGuard,
  counts: readonly AgentCountChange[] = [],
): { items: TransactItem[]; guardIndex?: number } {
  const emails = [...new Set([...changes.map((change) => change.email), ...counts.map((change) => change.email)])];
  const items: TransactItem[] = emails.map((email) => {
    const delta = changes.find((change) => change.email === email)?.delta;
    const moved = Object.entries(counts.find((change) => change.email === email)?.counts ?? {}) as [AgentCounter, number][];
    const adds = [...(delta ? ['openTickets :delta'] : []), ...moved.map(([counter]) => `#${counter} :${counter}`)];
    const sets = [...(delta === 1 ? ['lastAssignedAt = :now'] : []), 'entity = :entity'];
    return {
      Update: {
        TableName: tableName,
        Key: agentWorkloadKey(email),
        UpdateExpression: `ADD ${adds.join(', ')} SET ${sets.join(', ')}`,
        ...(moved.length ? { ExpressionAttributeNames: Object.fromEntries(moved.map(([counter]) => [`#${counter}`, AGENT_COUNTER_ATTRIBUTES[counter]])) } : {}),
        ExpressionAttributeValues: {
          ...(delta ? { ':delta': delta } : {}),
          ...Object.fromEntries(moved.map(([counter, value]) => [`:${counter}`, value])),
          ':entity': 'workload',
          ...(delta === 1 ? { ':now': now } : {}),
        },
      },
    };
  });
  if (!guard) return { items };

  const condition = {
    // A counter never written reads as zero, so it matches an expected zero.
    ConditionExpression: guard.openTickets === 0 ? 'attribute_not_exists(openTickets) OR openTickets = :expected' : 'openTickets = :expected',
    ExpressionAttributeValues: { ':expected': guard.openTickets },
  };
  const guardIndex = emails.indexOf(guard.email);
  const update = items[guardIndex]?.Update;
  if (update) {
    update.ConditionExpression = condition.ConditionExpression;
    update.ExpressionAttributeValues = { ...update.ExpressionAttributeValues, ...condition.ExpressionAttributeValues };
    return { items, guardIndex };
  }
  // The write moves none of that agent's counters; still check it in the same transaction.
  items.push({ ConditionCheck: { TableName: tableName, Key: agentWorkloadKey(guard.email), ...condition } });
  return { items, guardIndex: items.length - 1 };
}
