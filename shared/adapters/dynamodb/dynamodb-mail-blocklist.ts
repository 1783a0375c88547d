import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BlockTarget } from '../../email/blocked-sender.ts';
import type { BlockedSender, MailBlocklist } from '../../ports/mail-blocklist.ts';
import { MAIL_BLOCKLIST_PARTITION, mailBlockKey } from '../../store/keys.ts';
import { TTL_ATTRIBUTE } from '../../store/table-definition.ts';
import { queryAll } from './query-all.ts';

const isConditionFailure = (error: unknown): boolean => (error as Error).name === 'ConditionalCheckFailedException';

/** A stored entry, or undefined for one that was lifted (it waits for TTL). */
function inForce(item: Record<string, unknown> | undefined): BlockedSender | undefined {
  if (!item || item.removedAt !== undefined) return undefined;
  return {
    kind: item.kind === 'domain' ? 'domain' : 'sender',
    value: String(item.value),
    blockedAt: String(item.blockedAt),
    blockedBy: String(item.blockedBy),
    ...(typeof item.note === 'string' ? { note: item.note } : {}),
  };
}

/**
 * One item per blocked sender or domain in one partition. Lifting a block marks the item and sets
 * its expiry to now, so no function needs DeleteItem; a lifted item counts as absent until TTL
 * removes it, and blocking again replaces it.
 */
export class DynamoDbMailBlocklist implements MailBlocklist {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async block(entry: BlockedSender): Promise<{ entry: BlockedSender; created: boolean }> {
    const Key = mailBlockKey(entry.kind, entry.value);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...Key, entity: 'mail_block', ...entry, value: entry.value.toLowerCase() },
          // Two admins blocking the same sender at once end with one entry, the first one.
          ConditionExpression: 'attribute_not_exists(PK) OR attribute_exists(removedAt)',
        }),
      );
      return { entry: { ...entry, value: entry.value.toLowerCase() }, created: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.client.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
      const found = inForce(existing.Item);
      // Lifted between the two calls: the caller's block did not take; trying again makes it.
      if (!found) return this.block(entry);
      return { entry: found, created: false };
    }
  }

  async unblock(target: BlockTarget, at: Date): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: mailBlockKey(target.kind, target.value),
          UpdateExpression: 'SET removedAt = :at, #ttl = :now',
          // Lifting nothing must not leave an item behind, and lifting twice keeps the first time.
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(removedAt)',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':at': at.toISOString(), ':now': Math.floor(at.getTime() / 1000) },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  async list(): Promise<BlockedSender[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': MAIL_BLOCKLIST_PARTITION },
    });
    return items.flatMap((item) => inForce(item) ?? []);
  }

  async find(candidates: readonly BlockTarget[]): Promise<BlockedSender[]> {
    const keys = [...new Map(candidates.map((candidate) => [`${candidate.kind}:${candidate.value.toLowerCase()}`, mailBlockKey(candidate.kind, candidate.value)])).values()];
    if (!keys.length) return [];
    const found: Record<string, unknown>[] = [];
    // BatchGetItem takes up to 100 keys; an address has far fewer candidates. Unprocessed keys
    // (throttling) are asked for again, so a busy table delays the answer but never skips a block.
    let pending: Record<string, unknown>[] | undefined = keys.slice(0, 100) as unknown as Record<string, unknown>[];
    for (let round = 0; pending?.length; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** round)));
      const result: BatchGetCommandOutput = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(result.Responses?.[this.tableName] ?? []));
      pending = result.UnprocessedKeys?.[this.tableName]?.Keys;
    }
    return found.flatMap((item) => inForce(item) ?? []);
  }
}
