import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MailQuarantine, QuarantinedMail } from '../../ports/mail-quarantine.ts';
import { quarantineKey, quarantinePartition } from '../../store/keys.ts';
import { queryAll } from './query-all.ts';

/** Quarantined and ignored mail as items of a per-day partition; recording the same mail twice keeps one item. */
export class DynamoDbMailQuarantine implements MailQuarantine {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(mail: QuarantinedMail): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...quarantineKey(mail.at.slice(0, 10), mail.location), entity: 'quarantine', ...mail } }));
  }

  async listDay(day: string): Promise<QuarantinedMail[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': quarantinePartition(day) },
    });
    return items.map(({ at, outcome, location, reason, detail, messageId, from }) => ({
      at: String(at),
      ...(outcome === 'ignored' ? { outcome } : {}),
      location: String(location),
      reason: String(reason),
      ...(typeof detail === 'string' ? { detail } : {}),
      ...(typeof messageId === 'string' ? { messageId } : {}),
      ...(typeof from === 'string' ? { from } : {}),
    }));
  }
}
