import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AutoReplyLimiter } from '../../ports/auto-reply-limiter.ts';
import { autoReplyCounterKey } from '../../store/keys.ts';
import { TTL_ATTRIBUTE } from '../../store/table-definition.ts';

/** One counter item per recipient and hour, incremented atomically and deleted by TTL a day later. */
export class DynamoDbAutoReplyLimiter implements AutoReplyLimiter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async allow(recipient: string, at: Date, perHour: number): Promise<boolean> {
    const hour = at.toISOString().slice(0, 13);
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: autoReplyCounterKey(recipient, hour),
        UpdateExpression: 'ADD #count :one SET entity = :entity, #ttl = :ttl',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'auto_reply_counter', ':ttl': Math.floor(at.getTime() / 1000) + 86_400 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.count) <= perHour;
  }
}
