import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalTimerScheduler, type LocalTimerSchedulerOptions } from '../../local/local-timer-scheduler.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { parseTimerPayload, timerName, type SlaTimer } from '../../shared/domain/sla-timer.ts';
import { LOCAL_TIMER_PARTITION } from '../../shared/store/keys.ts';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let documentClient: DynamoDBDocumentClient;
const schedulers: LocalTimerScheduler[] = [];

beforeAll(async () => {
  app = await startTestApp();
  documentClient = createDocumentClient(app.endpoint);
});

afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
  // Each test starts with no persisted timers, so a restore sees only its own.
  for (const name of await persistedNames()) {
    await documentClient.send(new DeleteCommand({ TableName: app.tableName, Key: { PK: LOCAL_TIMER_PARTITION, SK: name } }));
  }
});

afterAll(async () => {
  documentClient.destroy();
  await app.close();
});

function newScheduler(queue: LocalTimerSchedulerOptions['queue'] = { log: () => undefined }): LocalTimerScheduler {
  const scheduler = new LocalTimerScheduler({ documentClient, tableName: app.tableName, queue });
  schedulers.push(scheduler);
  return scheduler;
}

async function persistedNames(): Promise<string[]> {
  const result = await documentClient.send(new QueryCommand({ TableName: app.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': LOCAL_TIMER_PARTITION }, ConsistentRead: true }));
  return (result.Items ?? []).map((item) => item.SK as string);
}

/** Bounded polling: resolves as soon as the condition holds, fails after the timeout. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

let ticketNumber = 1;
const timerIn = (ms: number, overrides: Partial<SlaTimer> = {}): SlaTimer => ({
  ticketKey: `LT-${ticketNumber++}`,
  metric: 'resolution',
  threshold: 100,
  slaVersion: 1,
  at: new Date(Date.now() + ms).toISOString(),
  ...overrides,
});

interface Firing {
  name: string;
  firedAt: number;
  receiveCount: number;
  messageId: string;
}

/** A consumer that records each firing by timer name. */
function recorder(): { firings: Firing[]; consumer: (event: SQSEvent) => Promise<void>; count: (timer: SlaTimer) => number } {
  const firings: Firing[] = [];
  return {
    firings,
    consumer: async (event) => {
      for (const record of event.Records) {
        firings.push({ name: timerName(parseTimerPayload(record.body)), firedAt: Date.now(), receiveCount: Number(record.attributes.ApproximateReceiveCount), messageId: record.messageId });
      }
    },
    count: (timer) => firings.filter((firing) => firing.name === timerName(timer)).length,
  };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe('the local timer scheduler on DynamoDB Local', () => {
  it('fires 100 timers spread over 2 s each exactly once and never early', async () => {
    const { firings, consumer } = recorder();
    const scheduler = newScheduler();
    await scheduler.start(consumer);
    const timers = Array.from({ length: 100 }, (_, i) => timerIn(1_000 + i * 20));
    const outcomes = await Promise.all(timers.map((timer) => scheduler.schedule(timer)));
    expect(outcomes.every((outcome) => outcome === 'created')).toBe(true);

    await waitFor(() => firings.length >= 100);
    // Anything fired twice would show up right after the last one: wait until the items are gone too.
    await waitFor(() => scheduler.pending().length === 0);
    await expect.poll(persistedNames, { timeout: 15_000 }).toEqual([]);
    expect(firings).toHaveLength(100);

    const dueByName = new Map(timers.map((timer) => [timerName(timer), Date.parse(timer.at)]));
    expect(new Set(firings.map((firing) => firing.name))).toEqual(new Set(dueByName.keys()));
    const lateness = firings.map((firing) => firing.firedAt - dueByName.get(firing.name)!).sort((a, b) => a - b);
    expect(lateness[0]).toBeGreaterThanOrEqual(0);
    console.log(`local timer lateness over 100 timers: p50 ${percentile(lateness, 50)} ms, p99 ${percentile(lateness, 99)} ms, max ${lateness.at(-1)} ms`);
  });

  it('keeps timers across a stop and start: an overdue one fires at once, a later one on time', async () => {
    const before = newScheduler();
    const { firings, consumer, count } = recorder();
    await before.start(consumer);
    const overdue = timerIn(300);
    const later = timerIn(1_500);
    await before.schedule(overdue);
    await before.schedule(later);
    await before.stop();

    await waitFor(() => Date.now() > Date.parse(overdue.at) + 100);
    expect(firings).toEqual([]);
    expect(await persistedNames()).toEqual(expect.arrayContaining([timerName(overdue), timerName(later)]));

    const after = newScheduler();
    const startedAt = Date.now();
    await after.start(consumer);
    await waitFor(() => count(overdue) === 1);
    expect(firings[0]!.firedAt - startedAt).toBeLessThan(Date.parse(later.at) - startedAt);
    await waitFor(() => count(later) === 1);
    const laterFiring = firings.find((firing) => firing.name === timerName(later))!;
    expect(laterFiring.firedAt).toBeGreaterThanOrEqual(Date.parse(later.at));
    expect(firings).toHaveLength(2);
  });

  it('arms timers scheduled before start once it starts', async () => {
    const scheduler = newScheduler();
    const timer = timerIn(100);
    await expect(scheduler.schedule(timer)).resolves.toBe('created');
    const { consumer, count } = recorder();
    await scheduler.start(consumer);
    await waitFor(() => count(timer) === 1);
  });

  it('never fires a cancelled timer, and cancelling twice is harmless', async () => {
    const scheduler = newScheduler();
    const { consumer, count } = recorder();
    await scheduler.start(consumer);
    const cancelled = timerIn(200);
    const sentinel = timerIn(400);
    await scheduler.schedule(cancelled);
    await scheduler.schedule(sentinel);
    await expect(scheduler.cancel(timerName(cancelled))).resolves.toBe('deleted');
    await expect(scheduler.cancel(timerName(cancelled))).resolves.toBe('absent');
    await expect(scheduler.cancel('sla.NEVER-1.res.100.v1')).resolves.toBe('absent');
    expect(scheduler.pending().map((timer) => timer.name)).toEqual([timerName(sentinel)]);

    await waitFor(() => count(sentinel) === 1);
    expect(count(cancelled)).toBe(0);
  });

  it('fires a timer scheduled twice once', async () => {
    const scheduler = newScheduler();
    const { consumer, count } = recorder();
    await scheduler.start(consumer);
    const timer = timerIn(200);
    const sentinel = timerIn(400);
    const outcomes = await Promise.all([scheduler.schedule(timer), scheduler.schedule({ ...timer })]);
    expect(outcomes.sort()).toEqual(['created', 'exists']);
    await expect(scheduler.schedule(timer)).resolves.toBe('exists');
    await scheduler.schedule(sentinel);

    await waitFor(() => count(sentinel) === 1);
    expect(count(timer)).toBe(1);
  });

  it('redelivers to a failing consumer with a rising receive count, then dead-letters and forgets the timer', async () => {
    const lines: string[] = [];
    const scheduler = newScheduler({ maxReceiveCount: 3, retryDelayMs: (n) => 20 * n, log: (line) => lines.push(line) });
    const receives: { count: string; messageId: string }[] = [];
    await scheduler.start(async (event) => {
      const record = event.Records[0]!;
      receives.push({ count: record.attributes.ApproximateReceiveCount, messageId: record.messageId });
      throw new Error('consumer down');
    });
    const timer = timerIn(50);
    await scheduler.schedule(timer);

    await waitFor(() => scheduler.deadLetters().length === 1);
    expect(receives.map((receive) => receive.count)).toEqual(['1', '2', '3']);
    expect(new Set(receives.map((receive) => receive.messageId)).size).toBe(1);
    expect(scheduler.deadLetters()[0]).toMatchObject({ messageId: receives[0]!.messageId, receiveCount: 3, reason: 'consumer down' });
    expect(parseTimerPayload(scheduler.deadLetters()[0]!.body)).toEqual(timer);
    expect(lines).toEqual([expect.stringContaining('dead-lettered after 3 receives: consumer down')]);
    await expect.poll(persistedNames, { timeout: 15_000 }).toEqual([]);
  });

  it('delivers a firing once the consumer recovers, without a dead letter', async () => {
    const scheduler = newScheduler({ retryDelayMs: () => 20, log: () => undefined });
    const counts: string[] = [];
    await scheduler.start(async (event) => {
      const record = event.Records[0]!;
      counts.push(record.attributes.ApproximateReceiveCount);
      return { batchItemFailures: counts.length < 3 ? [{ itemIdentifier: record.messageId }] : [] };
    });
    await scheduler.schedule(timerIn(50));
    await waitFor(() => counts.length === 3);
    await expect.poll(persistedNames, { timeout: 15_000 }).toEqual([]);
    expect(counts).toEqual(['1', '2', '3']);
    expect(scheduler.deadLetters()).toEqual([]);
  });

  it('delivers again after a restart a firing that was still being retried', async () => {
    const failing = newScheduler({ retryDelayMs: () => 60_000, log: () => undefined });
    let failed = 0;
    await failing.start(async () => {
      failed += 1;
      throw new Error('not yet');
    });
    const timer = timerIn(50);
    await failing.schedule(timer);
    await waitFor(() => failed === 1);
    await failing.stop();
    expect(await persistedNames()).toEqual([timerName(timer)]);

    const { consumer, count } = recorder();
    await newScheduler().start(consumer);
    await waitFor(() => count(timer) === 1);
    await expect.poll(persistedNames, { timeout: 15_000 }).toEqual([]);
  });

  it('keeps a dead-lettered firing as a file across a restart, lists it then, and redrives it to the new consumer', async () => {
    const deadLetterDir = join(mkdtempSync(join(tmpdir(), 'servicedesk-dead-letters-')), 'sla-timers');
    const failing = newScheduler({ maxReceiveCount: 2, retryDelayMs: () => 10, log: () => undefined, deadLetterDir });
    await failing.start(async () => {
      throw new Error('handler broken');
    });
    const timer = timerIn(50);
    await failing.schedule(timer);
    await waitFor(() => failing.deadLetters().length === 1);
    await failing.stop();
    expect(readdirSync(deadLetterDir).filter((file) => file.endsWith('.json'))).toHaveLength(1);

    // The next run of the runtime finds it, as a DLQ keeps its messages.
    const { consumer, count } = recorder();
    const restarted = newScheduler({ log: () => undefined, deadLetterDir });
    await restarted.start(consumer);
    expect(restarted.deadLetters()).toEqual([expect.objectContaining({ receiveCount: 2, reason: 'handler broken' })]);
    expect(parseTimerPayload(restarted.deadLetters()[0]!.body)).toEqual(timer);
    expect(restarted.redrive()).toBe(1);
    await waitFor(() => count(timer) === 1);
    expect(restarted.deadLetters()).toEqual([]);
    expect(readdirSync(deadLetterDir)).toEqual([]);
  });
});
