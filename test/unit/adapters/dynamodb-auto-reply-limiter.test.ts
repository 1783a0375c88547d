import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbAutoReplyLimiter } from '../../../shared/adapters/dynamodb/dynamodb-auto-reply-limiter.ts';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const dynamo = mockClient(documentClient);
const limiter = new DynamoDbAutoReplyLimiter(documentClient, 'desk-table');
const at = new Date('2026-11-02T09:15:00.000Z');

beforeEach(() => dynamo.reset());

describe('the automatic reply limiter', () => {
  it('counts per recipient and hour, with a TTL a day later', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { count: 1 } });
    await expect(limiter.allow('ann@example.org', at, 5)).resolves.toBe(true);
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { PK: 'AUTOREPLY#ann@example.org', SK: '2026-11-02T09' },
      ExpressionAttributeValues: { ':one': 1, ':entity': 'auto_reply_counter', ':ttl': Math.floor(at.getTime() / 1000) + 86_400 },
    });
  });

  it("refuses once the hour's allowance is used up", async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { count: 6 } });
    await expect(limiter.allow('ann@example.org', at, 5)).resolves.toBe(false);
  });
});
