import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbAssignmentStore } from '../../../shared/adapters/dynamodb/dynamodb-assignment-store.ts';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const dynamo = mockClient(documentClient);
const store = new DynamoDbAssignmentStore(documentClient, 'desk-table');

beforeEach(() => dynamo.reset());

describe('the DynamoDB assignment store', () => {
  it('takes the next turn of a level rotation with one atomic ADD and returns the new position', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { position: 7 } });
    await expect(store.nextRotation('it', 'l2')).resolves.toBe(7);
    expect(dynamo).toHaveReceivedCommandTimes(UpdateCommand, 1);
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: 'desk-table',
      Key: { PK: 'ROTATION#it#l2', SK: 'ROTATION' },
      UpdateExpression: 'ADD #position :one SET entity = :entity',
      ExpressionAttributeNames: { '#position': 'position' },
      ExpressionAttributeValues: { ':one': 1, ':entity': 'rotation' },
      ReturnValues: 'UPDATED_NEW',
    });
  });

  it('reads workload counters with strongly consistent gets, zero for agents never counted, in the order asked', async () => {
    dynamo.on(GetCommand, { Key: { PK: 'AGENT#a@x.com', SK: 'WORKLOAD' } }).resolves({ Item: { openTickets: 3, lastAssignedAt: '2026-01-01T00:00:00.000Z' } });
    dynamo.on(GetCommand, { Key: { PK: 'AGENT#b@x.com', SK: 'WORKLOAD' } }).resolves({});
    await expect(store.workloads(['b@x.com', 'a@x.com'])).resolves.toEqual([
      { email: 'b@x.com', openTickets: 0 },
      { email: 'a@x.com', openTickets: 3, lastAssignedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    for (const call of dynamo.commandCalls(GetCommand)) expect(call.args[0].input.ConsistentRead).toBe(true);
    expect(dynamo).not.toHaveReceivedCommand(ScanCommand);
    expect(dynamo).not.toHaveReceivedCommand(BatchGetCommand);
  });

  it('treats agents without an availability item as available', async () => {
    dynamo.on(GetCommand, { Key: { PK: 'AGENT#a@x.com', SK: 'AVAILABILITY' } }).resolves({ Item: { available: false } });
    dynamo.on(GetCommand, { Key: { PK: 'AGENT#b@x.com', SK: 'AVAILABILITY' } }).resolves({});
    dynamo.on(GetCommand, { Key: { PK: 'AGENT#c@x.com', SK: 'AVAILABILITY' } }).resolves({ Item: { available: true } });
    const availability = await store.availability(['a@x.com', 'b@x.com', 'c@x.com']);
    expect([...availability]).toEqual([
      ['a@x.com', false],
      ['b@x.com', true],
      ['c@x.com', true],
    ]);
    for (const call of dynamo.commandCalls(GetCommand)) expect(call.args[0].input.ConsistentRead).toBe(true);
  });

  it('stores availability with who set it and when', async () => {
    dynamo.on(PutCommand).resolves({});
    await expect(store.setAvailability('a@x.com', false, 'maria@x.com', '2026-11-02T09:00:00.000Z')).resolves.toEqual({
      email: 'a@x.com',
      available: false,
      updatedAt: '2026-11-02T09:00:00.000Z',
      updatedBy: 'maria@x.com',
    });
    expect(dynamo).toHaveReceivedCommandWith(PutCommand, {
      TableName: 'desk-table',
      Item: {
        PK: 'AGENT#a@x.com',
        SK: 'AVAILABILITY',
        entity: 'availability',
        email: 'a@x.com',
        available: false,
        updatedAt: '2026-11-02T09:00:00.000Z',
        updatedBy: 'maria@x.com',
      },
    });
  });
});
