import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ReceiptRuleSet, type IReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { S3 as S3Action } from 'aws-cdk-lib/aws-ses-actions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { QueueWithDeadLetters } from './constructs/queue-with-dead-letters.ts';
import type { DeadLetters } from './dead-letters.ts';
import type { StageSettings } from './stage.ts';

/** Where SES writes inbound mail in the bucket; the intake is notified for this prefix only. */
export const INBOUND_PREFIX = 'inbound/';
/** The raw mail bucket's name: fixed per stage, account and region, so other stacks can name it without a reference. */
export function rawMailBucketName(stack: Stack, stage: string): string {
  return `service-desk-${stage}-mail-${stack.account}-${stack.region}`;
}

/** The intake function's timeout is 10 s: SQS wants a visibility timeout of at least six times that. */
export const EMAIL_INTAKE_VISIBILITY_TIMEOUT = Duration.seconds(60);

export interface EmailIntakeProps {
  settings: StageSettings;
  /** The ticket files bucket (infra/ticket-files-bucket.ts): SES writes raw mail under inbound/. */
  bucket: Bucket;
  /** The domains the desk receives (see receivingDomains); the rule covers each whole domain so plus-addressed replies arrive. */
  domains: string[];
  /**
   * SES allows one active receipt rule set per region: name an existing active set to add the rule
   * to it, or leave it out to create the desk's own set (then activate it once, see the README).
   */
  receiptRuleSet?: string;
  /** The desk's dead-letter queue (infra/dead-letters.ts), which alarms. */
  deadLetters: DeadLetters;
}

/**
 * Mail in: SES receipt rule -> raw MIME in S3 -> S3 event notification -> `email-intake` queue (whose
 * dead letters wait in the desk's dead-letter queue, which alarms). SQS rather than S3 invoking the
 * function: S3's asynchronous invocations retry twice and can drop events, and their dead letters
 * could not be moved back with a move task. The SES Lambda action carries no body, hence S3 first.
 */
export class EmailIntake extends Construct {
  readonly bucket: Bucket;
  readonly queue: Queue;
  readonly ruleSet: IReceiptRuleSet;

  constructor(scope: Construct, id: string, props: EmailIntakeProps) {
    super(scope, id);
    const { stage } = props.settings;

    this.bucket = props.bucket;

    // A mail that fails five times is a bug or a poison message: keep it for inspection and redrive.
    const queues = new QueueWithDeadLetters(this, 'Queues', {
      queueName: `service-desk-${stage}-email-intake`,
      visibilityTimeout: EMAIL_INTAKE_VISIBILITY_TIMEOUT,
      maxReceiveCount: 5,
      deadLetters: props.deadLetters,
    });
    this.queue = queues.queue;
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), { prefix: INBOUND_PREFIX });
    // CDK configures bucket notifications through its own singleton function, outside our construct.
    const notificationsHandler = Stack.of(this).node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's bucket-notification handler runs once at deploy time to set the bucket's notification; its logging policy is CDK's.",
      });
    }

    this.ruleSet = props.receiptRuleSet ? ReceiptRuleSet.fromReceiptRuleSetName(this, 'RuleSet', props.receiptRuleSet) : new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: `service-desk-${stage}` });
    // The S3 action also grants SES (of this account) PutObject on the bucket.
    this.ruleSet.addRule('DeskMail', {
      receiptRuleName: `service-desk-${stage}-mail`,
      recipients: props.domains,
      scanEnabled: true,
      actions: [new S3Action({ bucket: this.bucket, objectKeyPrefix: INBOUND_PREFIX })],
    });
  }
}
