import type { SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultRetryDelayMs, LocalQueue } from '../../../local/local-queue.ts';

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-02T08:00:00.000Z') }));
afterEach(() => vi.useRealTimers());

const silent = () => undefined;

describe('the local queue', () => {
  it('delivers a message as an SQS event of one record', async () => {
    const events: SQSEvent[] = [];
    const queue = new LocalQueue({ name: 'sla-timers', log: silent });
    queue.start(async (event) => void events.push(event));
    const settled = vi.fn();
    const messageId = queue.send('{"a":1}', settled);
    await vi.runAllTimersAsync();
    expect(events).toHaveLength(1);
    expect(events[0]!.Records).toEqual([
      expect.objectContaining({
        messageId,
        body: '{"a":1}',
        md5OfBody: 'bb6cb5c68df4652941caf652a366f2d8',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:sla-timers',
        attributes: expect.objectContaining({ ApproximateReceiveCount: '1', SentTimestamp: String(Date.parse('2026-11-02T08:00:00.000Z')) }),
      }),
    ]);
    expect(settled).toHaveBeenCalledWith('delivered');
  });

  it('redelivers after a throw or a reported failure, with the receive count one higher and a new receipt handle', async () => {
    const receives: { count: string; handle: string; at: number }[] = [];
    const queue = new LocalQueue({ name: 'q', log: silent });
    queue.start(async (event) => {
      const record = event.Records[0]!;
      receives.push({ count: record.attributes.ApproximateReceiveCount, handle: record.receiptHandle, at: Date.now() });
      if (receives.length === 1) throw new Error('boom');
      if (receives.length === 2) return { batchItemFailures: [{ itemIdentifier: record.messageId }] };
      return { batchItemFailures: [] };
    });
    const start = Date.now();
    queue.send('x');
    await vi.runAllTimersAsync();
    expect(receives.map((receive) => receive.count)).toEqual(['1', '2', '3']);
    expect(new Set(receives.map((receive) => receive.handle)).size).toBe(3);
    // Backoff of 1 s, then 2 s.
    expect(receives.map((receive) => receive.at - start)).toEqual([0, 1_000, 3_000]);
    expect(queue.deadLetters()).toEqual([]);
  });

  it('dead-letters a message after maxReceiveCount failed receives and logs it', async () => {
    const log = vi.fn();
    const counts: string[] = [];
    const queue = new LocalQueue({ name: 'q', maxReceiveCount: 3, retryDelayMs: () => 10, log });
    queue.start(async (event) => {
      counts.push(event.Records[0]!.attributes.ApproximateReceiveCount);
      throw new Error('consumer down');
    });
    const settled = vi.fn();
    const messageId = queue.send('x', settled);
    await vi.runAllTimersAsync();
    expect(counts).toEqual(['1', '2', '3']);
    expect(queue.deadLetters()).toEqual([expect.objectContaining({ messageId, body: 'x', receiveCount: 3, reason: 'consumer down' })]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`message ${messageId} dead-lettered after 3 receives: consumer down`));
    expect(settled).toHaveBeenCalledWith('dead_lettered');
  });

  it('drops waiting retries on stop and does not settle them', async () => {
    const consumer = vi.fn(async () => {
      throw new Error('no');
    });
    const queue = new LocalQueue({ name: 'q', log: silent });
    queue.start(consumer);
    const settled = vi.fn();
    queue.send('x', settled);
    await vi.advanceTimersByTimeAsync(10);
    await queue.stop();
    await vi.runAllTimersAsync();
    expect(consumer).toHaveBeenCalledTimes(1);
    expect(settled).not.toHaveBeenCalled();
  });

  it('backs off exponentially by default, capped at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(defaultRetryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
