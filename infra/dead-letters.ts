import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageSettings } from './stage.ts';

export interface DeadLettersProps {
  settings: StageSettings;
}

/**
 * Where everything that failed for good waits, kept two weeks (the longest SQS keeps anything)
 * with one alarm on each of two queues, since CloudWatch bills an alarm per metric it reads:
 *
 * - `dead-letters`, the redrive target of every queue of the desk. SQS moves a message here after
 *   its last receive and records where it came from, so a move task without a destination sends
 *   each message back to its own queue (StartMessageMoveTask: "redriven back to their respective
 *   original source queues").
 * - `failures`, for what other services set aside: stream records the stream consumer gave up on,
 *   and SLA timer firings Scheduler could not deliver. A move task accepts only dead letters that
 *   SQS moved from a queue, so these are kept apart, each with its reason.
 *
 * Both live in the stateful stack beside the mail queue: failed work is data, and must outlast a
 * redeploy or a deleted service stack.
 */
export class DeadLetters extends Construct {
  readonly queue: Queue;
  readonly failures: Queue;
  readonly queueAlarm: Alarm;
  readonly failuresAlarm: Alarm;

  constructor(scope: Construct, id: string, props: DeadLettersProps) {
    super(scope, id);
    const { stage } = props.settings;
    this.queue = deadLetterQueue(this, 'Queue', `service-desk-${stage}-dead-letters`);
    this.failures = deadLetterQueue(this, 'Failures', `service-desk-${stage}-failures`);
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This is the desk's dead-letter queue: the queues of the service stack name it in their redrive policies, which a check of one stack cannot see.",
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself the failure destination of the stream consumer and of Scheduler's firings; a queue for its own failures would have none to catch.",
    });
    this.queueAlarm = notEmptyAlarm(
      this,
      'QueueAlarm',
      this.queue,
      `service-desk-${stage}-dead-letters-not-empty`,
      'A queue message (inbound mail, a request from another system, a notification or an SLA timer firing) failed five times; ' +
        'it waits in the dead-letter queue, its DeadLetterQueueSourceArn attribute names its queue and the function log the reason. ' +
        'Fix the cause, then redrive (start-message-move-task: each message returns to its own queue).',
    );
    this.failuresAlarm = notEmptyAlarm(
      this,
      'FailuresAlarm',
      this.failures,
      `service-desk-${stage}-failures-not-empty`,
      'A ticket change the stream consumer could not follow (the record names its shard and sequence numbers), or an SLA timer ' +
        "firing Scheduler could not deliver (its ERROR_CODE and ERROR_MESSAGE attributes say why). The daily sweep restores the ticket's timers.",
    );
  }
}

function deadLetterQueue(scope: Construct, id: string, queueName: string): Queue {
  const queue = new Queue(scope, id, { queueName, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  acknowledgeDeadLetterQueue(queue);
  return queue;
}

function notEmptyAlarm(scope: Construct, id: string, queue: Queue, alarmName: string, alarmDescription: string): Alarm {
  return new Alarm(scope, id, {
    alarmName,
    alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
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
