import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SILENT_SDK_LOGGER } from '../../../shared/adapters/aws-http/silent-sdk-logger.ts';
import { createDocumentClient } from '../../../shared/adapters/dynamodb/document-client.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';

const JSON_ANSWER = { 'content-type': 'application/x-amz-json-1.0' };

let dynamodb: RecordingServer;

beforeAll(async () => {
  dynamodb = await startRecordingServer();
});

afterAll(() => dynamodb.close());

describe('the logger of the SDK clients', () => {
  it('gives the SDK no info, debug or trace to call, so it copies no request or answer for them', () => {
    const logger = createDocumentClient(dynamodb.url).config.logger as unknown as Record<string, unknown>;
    expect(logger).toBe(SILENT_SDK_LOGGER);
    expect({ info: logger.info, debug: logger.debug, trace: logger.trace }).toEqual({ info: undefined, debug: undefined, trace: undefined });
    expect([typeof logger.warn, typeof logger.error]).toEqual(['function', 'function']);
  });

  it('leaves calls as they were: an answer comes back, a refusal is thrown by its name', async () => {
    const client = createDocumentClient(dynamodb.url);
    dynamodb.answers.push({ status: 200, body: JSON.stringify({ Item: { PK: { S: 'TICKET#SD-1' }, SK: { S: 'TICKET' } } }), headers: JSON_ANSWER });
    expect((await client.send(new GetCommand({ TableName: 'desk', Key: { PK: 'TICKET#SD-1', SK: 'TICKET' } }))).Item).toEqual({ PK: 'TICKET#SD-1', SK: 'TICKET' });
    dynamodb.answers.push({ status: 400, body: JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' }), headers: JSON_ANSWER });
    await expect(client.send(new PutCommand({ TableName: 'desk', Item: { PK: 'TICKET#SD-1', SK: 'TICKET' }, ConditionExpression: 'attribute_not_exists(PK)' }))).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
  });
});
