import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { shouldInjectFault } from '#shared/adapters/fault-injection';

/** A queue consumer as Lambda's SQS event source calls it: partial batch failures allowed. */
export type SqsConsumer = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/** A message that failed `maxReceiveCount` receives. */
export interface DeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  /** Why the last receive failed: the consumer's error message, or that it reported the record as failed. */
  reason: string;
  deadLetteredAt: string;
}

/** What finally became of a message, reported to its sender. */
export type DeliveryOutcome = 'delivered' | 'dead_lettered';

export interface LocalQueueOptions {
  /** The queue's name, as in its ARN on AWS (`sla-timers`). */
  name: string;
  /** Receives before a message is dead-lettered; DEFAULT_MAX_RECEIVE_COUNT by default. */
  maxReceiveCount?: number;
  /** Wait before receive n+1 after receive n failed; on AWS this is the visibility timeout. */
  retryDelayMs?: (receiveCount: number) => number;
  /** Where dead letters are reported; console.warn by default. */
  log?: (line: string) => void;
  /**
   * The directory that stands for the dead-letter queue: one JSON file per dead letter, read back
   * when the queue is made, so dead letters outlive a restart as they stay in a DLQ on AWS.
   * Without it they live in memory only.
   */
  deadLetterDir?: string;
}

/** As the stack's redrive policy: five receives, then the dead-letter queue. */
export const DEFAULT_MAX_RECEIVE_COUNT = 5;

/** 1, 2, 4, 8 s...: quicker than AWS's 60 s visibility timeout, so local retries are visible while trying things out. */
export const defaultRetryDelayMs = (receiveCount: number): number => Math.min(1_000 * 2 ** (receiveCount - 1), 30_000);

interface Message {
  messageId: string;
  body: string;
  sentAt: number;
  firstReceivedAt?: number;
  receiveCount: number;
  onSettled?: (outcome: DeliveryOutcome) => Promise<void> | void;
}

/**
 * An in-process stand-in for an SQS queue with a Lambda event source: each message is delivered
 * as an SQSEvent of one record, at least once; a consumer that throws or reports the record in
 * `batchItemFailures` gets it again after a backoff with ApproximateReceiveCount one higher, until
 * `maxReceiveCount`, then it goes to the dead-letter list, kept as files under `deadLetterDir`.
 * Messages not yet dead-lettered live in memory only: a sender that must survive a restart keeps
 * its own record until `onSettled` (the timer scheduler does).
 */
export class LocalQueue {
  private readonly maxReceiveCount: number;
  private readonly retryDelayMs: (receiveCount: number) => number;
  private readonly log: (line: string) => void;
  private readonly arn: string;
  private consumer: SqsConsumer | undefined;
  private readonly waiting = new Map<string, { message: Message; timer: NodeJS.Timeout }>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly dead: DeadLetter[] = [];
  private readonly counts = { sent: 0, receives: 0, failedReceives: 0, deadLettered: 0 };
  private readonly deadLetterDir: string | undefined;
  /** The file each kept dead letter is in. */
  private readonly deadLetterFiles = new WeakMap<DeadLetter, string>();

  constructor(options: LocalQueueOptions) {
    this.maxReceiveCount = options.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
    this.log = options.log ?? ((line) => console.warn(line));
    this.arn = `arn:aws:sqs:local:000000000000:${options.name}`;
    this.deadLetterDir = options.deadLetterDir;
    if (this.deadLetterDir) this.dead.push(...this.readDeadLetters(this.deadLetterDir));
  }

  /** Starts delivering to the consumer. */
  start(consumer: SqsConsumer): void {
    if (this.consumer) throw new Error(`Queue ${this.arn} is already started`);
    this.consumer = consumer;
  }

  /** Stops delivering: messages waiting for a retry are dropped, deliveries under way are awaited. */
  async stop(): Promise<void> {
    this.consumer = undefined;
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Sends a message and delivers it at once; returns its messageId. */
  send(body: string, onSettled?: Message['onSettled']): string {
    if (!this.consumer) throw new Error(`Queue ${this.arn} is not started`);
    this.counts.sent += 1;
    const message: Message = { messageId: randomUUID(), body, sentAt: Date.now(), receiveCount: 0, ...(onSettled ? { onSettled } : {}) };
    this.deliver(message);
    return message.messageId;
  }

  /** Messages that failed every receive, oldest first: since the queue was made, and those kept in `deadLetterDir`. */
  deadLetters(): readonly DeadLetter[] {
    return [...this.dead];
  }

  /** Messages sent, receives (first and repeated), receives that failed, messages dead-lettered. */
  stats(): { sent: number; receives: number; failedReceives: number; deadLettered: number } {
    return { ...this.counts };
  }

  /** True when no message waits for a retry or is being delivered. */
  idle(): boolean {
    return this.waiting.size === 0 && this.inFlight.size === 0;
  }

  /**
   * Sends every dead letter back to the queue with a fresh receive count, as a message move task
   * from the dead-letter queue does on AWS; returns how many were moved.
   */
  redrive(): number {
    const moved = this.dead.splice(0);
    for (const letter of moved) this.forgetDeadLetter(letter);
    for (const letter of moved) this.deliver({ messageId: letter.messageId, body: letter.body, sentAt: Date.now(), receiveCount: 0 });
    return moved.length;
  }

  private deliver(message: Message): void {
    const delivery = this.receive(message).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  private async receive(message: Message): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    message.receiveCount += 1;
    this.counts.receives += 1;
    message.firstReceivedAt ??= Date.now();
    let failure: string | undefined;
    try {
      const response = await consumer({ Records: [this.record(message)] });
      // One record per event: any reported failure is this record's (an unknown id fails the whole batch on AWS too).
      if (response && response.batchItemFailures.length > 0) failure = 'reported in batchItemFailures';
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }

    // FAULTS=crash:<rate>: the function died after its work, before SQS deleted the message, so it comes back.
    if (failure === undefined && shouldInjectFault('crash')) failure = 'crashed after the handler finished, before the message was deleted (injected)';

    if (failure !== undefined) this.counts.failedReceives += 1;
    if (failure === undefined) {
      await this.settle(message, 'delivered');
    } else if (message.receiveCount >= this.maxReceiveCount) {
      this.counts.deadLettered += 1;
      const letter: DeadLetter = { messageId: message.messageId, body: message.body, receiveCount: message.receiveCount, reason: failure, deadLetteredAt: new Date().toISOString() };
      this.keepDeadLetter(letter);
      this.dead.push(letter);
      this.log(`[${this.arn}] message ${message.messageId} dead-lettered after ${message.receiveCount} receives: ${failure}`);
      await this.settle(message, 'dead_lettered');
    } else if (this.consumer) {
      const timer = setTimeout(() => {
        this.waiting.delete(message.messageId);
        this.deliver(message);
      }, this.retryDelayMs(message.receiveCount));
      this.waiting.set(message.messageId, { message, timer });
    }
  }

  /** `<deadLetteredAt>-<messageId>.json`: file names sort oldest first. */
  private deadLetterFile(letter: DeadLetter): string {
    return join(this.deadLetterDir!, `${letter.deadLetteredAt.replace(/[:.]/g, '-')}-${letter.messageId}.json`);
  }

  /** Written before the message is settled (and so forgotten by its sender); a rename, so no half file is ever read. */
  private keepDeadLetter(letter: DeadLetter): void {
    if (!this.deadLetterDir) return;
    mkdirSync(this.deadLetterDir, { recursive: true });
    const file = this.deadLetterFile(letter);
    writeFileSync(`${file}.tmp`, JSON.stringify(letter, null, 2));
    renameSync(`${file}.tmp`, file);
    this.deadLetterFiles.set(letter, file);
  }

  private forgetDeadLetter(letter: DeadLetter): void {
    const file = this.deadLetterFiles.get(letter);
    if (!file) return;
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  private readDeadLetters(dir: string): DeadLetter[] {
    let files: string[];
    try {
      files = readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const letters: DeadLetter[] = [];
    for (const file of files) {
      try {
        const letter = JSON.parse(readFileSync(join(dir, file), 'utf8')) as DeadLetter;
        if (typeof letter.messageId !== 'string' || typeof letter.body !== 'string' || typeof letter.deadLetteredAt !== 'string') throw new Error('not a dead letter');
        letters.push(letter);
        this.deadLetterFiles.set(letter, join(dir, file));
      } catch (error) {
        this.log(`[${this.arn}] ignoring ${join(dir, file)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return letters;
  }

  private async settle(message: Message, outcome: DeliveryOutcome): Promise<void> {
    try {
      await message.onSettled?.(outcome);
    } catch (error) {
      this.log(`[${this.arn}] message ${message.messageId}: settling failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The record as Lambda's SQS event source shapes it. */
  private record(message: Message): SQSRecord {
    return {
      messageId: message.messageId,
      // A new handle per receive, as SQS gives.
      receiptHandle: randomUUID(),
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'LOCAL',
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? Date.now()),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(message.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: 'local',
    };
  }
}
