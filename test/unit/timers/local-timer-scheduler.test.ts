import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalTimerScheduler, MAX_TIMEOUT_STEP_MS } from '../../../local/local-timer-scheduler.ts';
import { timerPayload, type SlaTimer } from '../../../shared/domain/sla-timer.ts';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(documentClient);
const NOW = Date.parse('2026-11-02T08:00:00.000Z');
const DAY = 86_400_000;

const timerAt = (at: number, overrides: Partial<SlaTimer> = {}): SlaTimer => ({
  ticketKey: 'SD-1',
  metric: 'resolution',
  threshold: 100,
  slaVersion: 1,
  at: new Date(at).toISOString(),
  ...overrides,
});

let fired: { body: string; at: number }[];
const consumer = async (event: SQSEvent) => {
  fired.push({ body: event.Records[0]!.body, at: Date.now() });
};

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  dynamo.reset();
  dynamo.on(PutCommand).resolves({});
  dynamo.on(DeleteCommand).resolves({});
  dynamo.on(QueryCommand).resolves({ Items: [] });
  fired = [];
});
afterEach(() => vi.useRealTimers());

describe('the local timer scheduler (fake clock)', () => {
  it('persists a timer under the local timer partition, only where none of its name exists', async () => {
    const timers = new LocalTimerScheduler({ documentClient, tableName: 't' });
    await expect(timers.schedule(timerAt(NOW + 1_000))).resolves.toBe('created');
    expect(dynamo).toHaveReceivedCommandWith(PutCommand, {
      TableName: 't',
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: expect.objectContaining({ PK: 'LOCALTIMER', SK: 'sla.SD-1.res.100.v1', entity: 'local_timer', payload: timerPayload(timerAt(NOW + 1_000)) }),
    });
  });

  it('answers exists when the name is already persisted', async () => {
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    const timers = new LocalTimerScheduler({ documentClient, tableName: 't' });
    await expect(timers.schedule(timerAt(NOW + 1_000))).resolves.toBe('exists');
  });

  it('waits out a delay longer than setTimeout allows, in steps, and fires on time', async () => {
    const timers = new LocalTimerScheduler({ documentClient, tableName: 't' });
    await timers.start(consumer);
    const due = NOW + 40 * DAY;
    await timers.schedule(timerAt(due));
    // 2^31-1 ms is 24.8 days: a single setTimeout would have fired at once.
    await vi.advanceTimersByTimeAsync(MAX_TIMEOUT_STEP_MS + 1);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(due - Date.now() - 1);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired.map((firing) => firing.at)).toEqual([due]);
    await timers.stop();
  });

  it('restores persisted timers at start; an overdue one fires at once', async () => {
    const overdue = timerAt(NOW - 60_000, { threshold: 75 });
    const later = timerAt(NOW + 5_000);
    const item = (timer: SlaTimer, name: string) => ({ PK: 'LOCALTIMER', SK: name, entity: 'local_timer', name, at: timer.at, payload: timerPayload(timer), token: name });
    dynamo.on(QueryCommand).resolves({ Items: [item(overdue, 'sla.SD-1.res.75.v1'), item(later, 'sla.SD-1.res.100.v1')] });
    const timers = new LocalTimerScheduler({ documentClient, tableName: 't' });
    await timers.start(consumer);
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, { TableName: 't', ExpressionAttributeValues: { ':pk': 'LOCALTIMER' }, ConsistentRead: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(fired.map((firing) => firing.body)).toEqual([timerPayload(overdue)]);
    expect(timers.pending()).toEqual([{ name: 'sla.SD-1.res.100.v1', at: later.at }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fired.map((firing) => firing.body)).toEqual([timerPayload(overdue), timerPayload(later)]);
    // Each delivered firing deletes its own item only.
    expect(dynamo).toHaveReceivedCommandWith(DeleteCommand, {
      Key: { PK: 'LOCALTIMER', SK: 'sla.SD-1.res.75.v1' },
      ConditionExpression: '#token = :token',
      ExpressionAttributeValues: { ':token': 'sla.SD-1.res.75.v1' },
    });
    await timers.stop();
  });

  it('keeps a timer scheduled before start in the table until start arms it', async () => {
    const timers = new LocalTimerScheduler({ documentClient, tableName: 't' });
    await timers.schedule(timerAt(NOW + 1_000));
    expect(timers.pending()).toEqual([]);
  });

  it('stays stopped when the timers cannot be restored, so start can be tried again', async () => {
    dynamo.on(QueryCommand).rejectsOnce(new Error('table not there')).resolves({ Items: [] });
    const timers = new LocalTimerScheduler({ documentClient, tableName: 't' });
    await expect(timers.start(consumer)).rejects.toThrow('table not there');
    await expect(timers.start(consumer)).resolves.toBeUndefined();
    await timers.stop();
  });
});
