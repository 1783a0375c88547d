import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface QueueWithDeadLettersProps {
  queueName: string;
  /** At least six times the timeout of the function that consumes the queue. */
  visibilityTimeout: Duration;
  /** Tries before a message is set aside in the dead-letter queue. */
  maxReceiveCount: number;
  /** What it means when the alarm fires, for the operator who reads it. */
  alarmDescription: string;
}

/**
 * A queue whose failed messages are never lost: they move to a dead-letter queue kept two weeks
 * (the longest SQS keeps anything) for a redrive, and an alarm fires as soon as one lands there.
 */
export class QueueWithDeadLetters extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: QueueWithDeadLettersProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: `${props.queueName}-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeDeadLetterQueue(this.deadLetterQueue);
    this.queue = new Queue(this, 'Queue', {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmName: `${props.queueName}-dlq-not-empty`,
      alarmDescription: props.alarmDescription,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

/**
 * A dead-letter or failure queue has no redrive policy of its own: no function consumes it, so no
 * receive count ever moves its messages on; they leave only by an operator's redrive.
 */
export function acknowledgeDeadLetterQueue(queue: Queue): void {
  Validations.of(queue).acknowledge({
    id: 'Serverless-SQSRedrivePolicy',
    reason:
      'This is a dead-letter queue: nothing consumes it, so a redrive policy of its own would never apply; its messages ' + 'wait 14 days for an operator to redrive them, and an alarm fires on the first one.',
  });
}
