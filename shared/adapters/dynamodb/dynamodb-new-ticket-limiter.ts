import { createHash } from 'node:crypto';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NewTicketLimiter } from '../../ports/new-ticket-limiter.ts';
import { newTicketCounterKey } from '../../store/keys.ts';
import { TTL_ATTRIBUTE } from '../../store/table-definition.ts';

/**
 * One item per sender and hour holding a set of the mails that opened tickets (short hashes of
 * their keys). Adding to a set is idempotent, so a redelivered mail is counted once; the
 * condition refuses a mail the set does not hold once it is full, so the item stays small
 * however long the flood lasts. TTL removes it a day later.
 */
export class DynamoDbNewTicketLimiter implements NewTicketLimiter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async allow(sender: string, mail: string, at: Date, perHour: number): Promise<boolean> {
    const member = createHash('sha256').update(mail).digest('base64url').slice(0, 22);
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: newTicketCounterKey(sender, at.toISOString().slice(0, 13)),
          UpdateExpression: 'ADD mails :member SET entity = :entity, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(mails) OR contains(mails, :mail) OR size(mails) < :limit',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':member': new Set([member]), ':mail': member, ':limit': perHour, ':entity': 'new_ticket_counter', ':ttl': Math.floor(at.getTime() / 1000) + 86_400 },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
