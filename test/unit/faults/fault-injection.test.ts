import { Readable } from 'node:stream';
import { DynamoDBClient, GetItemCommand, TransactionCanceledException, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';

// Read once per process, as in the local runtime: set before the injector is first used.
process.env.FAULTS = 'dynamodb:0.5,crash:0.1';
const { faultStats, injectFaultsFromEnv, InvalidFaultsError, parseFaults, useFaultRandom } = await import('../../../shared/adapters/fault-injection.ts');

/** A client whose every request that gets through is answered 200 with an empty item. */
function dynamodbAnsweringOk(): DynamoDBClient {
  return new DynamoDBClient({
    region: 'eu-central-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    requestHandler: {
      handle: async () => ({
        response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from('{}')]) },
      }),
    } as never,
  });
}

/** Dice that come up in the given order, then always 0.99 (no fault). */
function dice(...values: number[]) {
  useFaultRandom(() => values.shift() ?? 0.99);
}

describe('FAULTS', () => {
  it('reads service:rate pairs and refuses anything else, saying how to write it', () => {
    expect(parseFaults('dynamodb:0.05, ses:0.1,scheduler:0,crash:1')).toEqual({ dynamodb: 0.05, ses: 0.1, scheduler: 0, crash: 1 });
    expect(parseFaults(undefined)).toEqual({});
    expect(() => parseFaults('dynamo:0.1')).toThrow(InvalidFaultsError);
    expect(() => parseFaults('ses:2')).toThrow(/needs a rate from 0 to 1/);
    expect(() => parseFaults('ses')).toThrow(/FAULTS=ses: .* use e\.g\. FAULTS=dynamodb/);
  });
});

describe('the fault injector', () => {
  beforeAll(() => dice());

  it('throws an AWS throttle below the retry step, so the SDK retries it and the call succeeds', async () => {
    const client = injectFaultsFromEnv(dynamodbAnsweringOk(), 'dynamodb');
    const before = faultStats();
    // Attempt 1: the fault dice (0 < 0.5) and the choice dice (0: the throttle); attempt 2 passes.
    dice(0, 0);
    const result = await client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }));
    expect(result.$metadata.attempts).toBe(2);
    expect(faultStats().injected.dynamodb! - (before.injected.dynamodb ?? 0)).toBe(1);
  });

  it('raises a TransactionCanceledException with a TransactionConflict reason, which the SDK does not retry', async () => {
    const client = injectFaultsFromEnv(dynamodbAnsweringOk(), 'dynamodb');
    // The conflict is the last of five choices for a transaction.
    dice(0, 0.9);
    const error = await client
      .send(new TransactWriteItemsCommand({ TransactItems: [{ ConditionCheck: { TableName: 't', Key: { PK: { S: 'a' } }, ConditionExpression: 'attribute_exists(PK)' } }] }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons).toEqual([expect.objectContaining({ Code: 'TransactionConflict' })]);
  });

  it('gives up with the error after the SDK’s attempts, as a real outage would', async () => {
    const client = injectFaultsFromEnv(dynamodbAnsweringOk(), 'dynamodb');
    const attempts = await client.config.maxAttempts();
    dice(...Array.from({ length: attempts }, () => [0, 0.3]).flat());
    await expect(client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }))).rejects.toMatchObject({ name: 'InternalServerError', $metadata: { httpStatusCode: 500, attempts } });
  });

  it('adds nothing to a client of a service FAULTS does not name', async () => {
    const client = dynamodbAnsweringOk();
    const before = client.middlewareStack.identify().length;
    injectFaultsFromEnv(client as never, 'ses');
    expect(client.middlewareStack.identify()).toHaveLength(before);
  });
});
