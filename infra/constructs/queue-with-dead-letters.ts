import type { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeadLetters } from '../dead-letters.ts';

export interface QueueWithDeadLettersProps {
  queueName: string;
  /** At least six times the timeout of the function that consumes the queue. */
  visibilityTimeout: Duration;
  /** Tries before a message is set aside in the dead-letter queue. */
  maxReceiveCount: number;
  /** The desk's shared dead-letter queue (infra/dead-letters.ts), which alarms on its first message. */
  deadLetters: DeadLetters;
}

/**
 * A queue whose failed messages are never lost: after `maxReceiveCount` receives they move to the
 * desk's shared dead-letter queue, kept two weeks for a redrive that returns each to this queue.
 */
export class QueueWithDeadLetters extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: QueueWithDeadLettersProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: { queue: props.deadLetters.queue, maxReceiveCount: props.maxReceiveCount },
    });
  }
}
