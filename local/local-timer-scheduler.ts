import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/adapters/dynamodb/query-all';
import { maybeFail } from '#shared/adapters/fault-injection';
import { timerName, timerPayload, type SlaTimer } from '#shared/domain/sla-timer';
import type { ListableTimerScheduler } from '#shared/ports/timer-scheduler';
import { LOCAL_TIMER_PARTITION, localTimerKey } from '#shared/store/keys';
import { LocalQueue, type DeadLetter, type LocalQueueOptions, type SqsConsumer } from './local-queue.ts';

/**
 * setTimeout takes at most 2^31-1 ms (about 24.8 days) and fires at once beyond it; longer waits
 * are taken in steps of this size, checking the clock after each.
 */
export const MAX_TIMEOUT_STEP_MS = 2 ** 30;

/** The queue the firings go to, named like the stack's. */
export const LOCAL_TIMER_QUEUE_NAME = 'sla-timers';

export interface LocalTimerSchedulerOptions {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  /** Retries and dead letters of the firings' queue; defaults to 5 receives with 1, 2, 4, 8 s backoff. */
  queue?: Omit<LocalQueueOptions, 'name'>;
}

/** A timer that is persisted and waiting to fire. */
export interface PendingTimer {
  name: string;
  at: string;
}

interface TimerItem {
  PK: string;
  SK: string;
  entity: 'local_timer';
  name: string;
  at: string;
  payload: string;
  /** Tells this scheduling apart from a later one of the same name, so settling one never deletes the other. */
  token: string;
}

/**
 * The local runtime's TimerScheduler: EventBridge Scheduler's one-time schedules as exact-time
 * in-process timers. Each timer is an item in the local table (partition LOCALTIMER, sort key its
 * name), so the timers survive a restart of `npm start` with the rest of the local data under
 * .local/, one Query restores them, and a conditional put gives the same "name exists" answer
 * Scheduler does. A due timer is delivered as an SQS event of one record to the consumer, at least
 * once: its item is deleted only when the consumer accepted it or it was dead-lettered (like
 * ActionAfterCompletion DELETE, but after delivery, since the in-process queue is not durable), so
 * a restart during retries delivers it again. Dead letters are logged, and kept as files when the
 * queue options give a `deadLetterDir`.
 */
export class LocalTimerScheduler implements ListableTimerScheduler {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly queue: LocalQueue;
  private readonly armed = new Map<string, { item: TimerItem; timeout: NodeJS.Timeout }>();
  private started = false;

  constructor(options: LocalTimerSchedulerOptions) {
    this.client = options.documentClient;
    this.tableName = options.tableName;
    this.queue = new LocalQueue({ ...options.queue, name: LOCAL_TIMER_QUEUE_NAME });
  }

  /** Restores the persisted timers and arms them; those already due fire at once. */
  async start(consumer: SqsConsumer): Promise<void> {
    if (this.started) throw new Error('The local timer scheduler is already started');
    // Started before the restore query, so a timer scheduled meanwhile is armed by schedule() itself.
    this.queue.start(consumer);
    this.started = true;
    try {
      for (const item of await this.persistedItems()) this.arm(item);
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Disarms every timer (they stay persisted) and waits for deliveries under way. */
  async stop(): Promise<void> {
    this.started = false;
    for (const { timeout } of this.armed.values()) clearTimeout(timeout);
    this.armed.clear();
    await this.queue.stop();
  }

  /** The armed timers, soonest first. */
  pending(): PendingTimer[] {
    return [...this.armed.values()].map(({ item }) => ({ name: item.name, at: item.at })).sort((a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name));
  }

  async names(prefix: string): Promise<string[]> {
    return [...this.armed.keys()].filter((name) => name.startsWith(prefix)).sort();
  }

  /** Firings that failed every receive, for tests and for a look while trying things out. */
  deadLetters(): readonly DeadLetter[] {
    return this.queue.deadLetters();
  }

  /** The firings' queue, for its counts and to see when it is idle. */
  get firings(): LocalQueue {
    return this.queue;
  }

  /** Delivers the dead-lettered firings again; returns how many. */
  redrive(): number {
    return this.queue.redrive();
  }

  async schedule(timer: SlaTimer): Promise<'created' | 'exists'> {
    // Stands for a CreateSchedule call: FAULTS=scheduler:<rate> makes it fail as Scheduler does.
    maybeFail('scheduler', 'CreateSchedule');
    const name = timerName(timer);
    const item: TimerItem = { ...localTimerKey(name), entity: 'local_timer', name, at: timer.at, payload: timerPayload(timer), token: randomUUID() };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
    // Not started: the item waits in the table and start() arms it.
    if (this.started) this.arm(item);
    return 'created';
  }

  async cancel(name: string): Promise<'deleted' | 'absent'> {
    maybeFail('scheduler', 'DeleteSchedule');
    const armed = this.armed.get(name);
    if (armed) {
      clearTimeout(armed.timeout);
      this.armed.delete(name);
    }
    const result = await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: localTimerKey(name), ReturnValues: 'ALL_OLD' }));
    return result.Attributes ? 'deleted' : 'absent';
  }

  private arm(item: TimerItem): void {
    const due = Date.parse(item.at);
    const wait = () => {
      const remaining = due - Date.now();
      // Timers can wake a millisecond or two early (libuv's cached loop time): wait again rather than fire early.
      if (remaining > 0) {
        const timeout = setTimeout(wait, Math.min(remaining, MAX_TIMEOUT_STEP_MS));
        this.armed.set(item.name, { item, timeout });
        return;
      }
      this.armed.delete(item.name);
      this.fire(item);
    };
    const previous = this.armed.get(item.name);
    if (previous) clearTimeout(previous.timeout);
    wait();
  }

  private fire(item: TimerItem): void {
    this.queue.send(item.payload, () => this.forget(item));
  }

  /** Deletes the item of this scheduling only: a cancel and re-schedule of the name in between keeps the new one. */
  private async forget(item: TimerItem): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: localTimerKey(item.name),
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#token': 'token' },
          ExpressionAttributeValues: { ':token': item.token },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private async persistedItems(): Promise<TimerItem[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': LOCAL_TIMER_PARTITION },
      ConsistentRead: true,
    });
    return items as unknown as TimerItem[];
  }
}
