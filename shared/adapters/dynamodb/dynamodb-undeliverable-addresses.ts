import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UndeliverableAddresses, UndeliverableMark } from '../../ports/undeliverable-addresses.ts';
import { undeliverableAddressKey } from '../../store/keys.ts';
import { TTL_ATTRIBUTE } from '../../store/table-definition.ts';

const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/**
 * One item per marked address. A mark is in force until its expiry, which TTL later turns into a
 * deletion; lifting a mark moves its expiry to now, so no function needs DeleteItem.
 */
export class DynamoDbUndeliverableAddresses implements UndeliverableAddresses {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async mark(mark: UndeliverableMark, until: Date): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...undeliverableAddressKey(mark.address), entity: 'undeliverable_address', ...mark, address: mark.address.toLowerCase(), [TTL_ATTRIBUTE]: epochSeconds(until) },
      }),
    );
  }

  async find(addresses: readonly string[], now: Date): Promise<UndeliverableMark[]> {
    const items = await Promise.all(
      [...new Set(addresses.map((address) => address.toLowerCase()))].map(async (address) => {
        const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: undeliverableAddressKey(address), ConsistentRead: true }));
        return result.Item;
      }),
    );
    return items
      .filter((item) => item !== undefined && Number(item[TTL_ATTRIBUTE]) > epochSeconds(now))
      .map((item) => ({
        address: String(item!.address),
        bouncedAt: String(item!.bouncedAt),
        ticketKey: String(item!.ticketKey),
        ...(typeof item!.status === 'string' ? { status: item!.status } : {}),
        ...(typeof item!.diagnostic === 'string' ? { diagnostic: item!.diagnostic } : {}),
      }));
  }

  async clear(address: string, now: Date): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: undeliverableAddressKey(address),
          UpdateExpression: 'SET #ttl = :now, clearedAt = :at',
          // Only an existing mark: lifting nothing must not leave an item behind.
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': epochSeconds(now), ':at': now.toISOString() },
        }),
      )
      .catch((error: unknown) => {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      });
  }
}
