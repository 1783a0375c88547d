import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbUndeliverableAddresses } from '../../../shared/adapters/dynamodb/dynamodb-undeliverable-addresses.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const addresses = new DynamoDbUndeliverableAddresses(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' })), 'desk-table');
const now = new Date('2026-11-22T10:00:00.000Z');
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

beforeEach(() => dynamo.reset());

describe('undeliverable addresses in DynamoDB', () => {
  it('marks an address, lower-cased in its key, until a time TTL will delete it at', async () => {
    dynamo.on(PutCommand).resolves({});
    const until = new Date('2027-02-20T10:00:00.000Z');
    await addresses.mark({ address: 'Gone@Example.org', bouncedAt: now.toISOString(), status: '5.1.1', ticketKey: 'SD-1' }, until);
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input.Item).toEqual({
      PK: 'ADDRESS#gone@example.org',
      SK: 'UNDELIVERABLE',
      entity: 'undeliverable_address',
      address: 'gone@example.org',
      bouncedAt: now.toISOString(),
      status: '5.1.1',
      ticketKey: 'SD-1',
      expiresAt: seconds(until),
    });
  });

  it('finds only marks still in force, one strongly consistent read per distinct address', async () => {
    dynamo
      .on(GetCommand, { Key: { PK: 'ADDRESS#gone@example.org', SK: 'UNDELIVERABLE' } })
      .resolves({ Item: { address: 'gone@example.org', bouncedAt: 'x', ticketKey: 'SD-1', status: '5.1.1', expiresAt: seconds(now) + 60 } });
    dynamo.on(GetCommand, { Key: { PK: 'ADDRESS#lifted@example.org', SK: 'UNDELIVERABLE' } }).resolves({ Item: { address: 'lifted@example.org', bouncedAt: 'x', ticketKey: 'SD-2', expiresAt: seconds(now) } });
    dynamo.on(GetCommand, { Key: { PK: 'ADDRESS#fine@example.org', SK: 'UNDELIVERABLE' } }).resolves({});
    const marks = await addresses.find(['Gone@Example.org', 'gone@example.org', 'lifted@example.org', 'fine@example.org'], now);
    expect(marks).toEqual([{ address: 'gone@example.org', bouncedAt: 'x', ticketKey: 'SD-1', status: '5.1.1' }]);
    expect(dynamo).toHaveReceivedCommandTimes(GetCommand, 3);
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { ConsistentRead: true });
  });

  it('lifts a mark by moving its expiry to now, and leaves nothing behind where there was none', async () => {
    dynamo.on(UpdateCommand).resolves({});
    await addresses.clear('gone@example.org', now);
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { PK: 'ADDRESS#gone@example.org', SK: 'UNDELIVERABLE' },
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':now': seconds(now), ':at': now.toISOString() },
    });
    dynamo.on(UpdateCommand).rejects(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }));
    await expect(addresses.clear('never@example.org', now)).resolves.toBeUndefined();
  });
});
