import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, type CfnBucketPolicy, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { INBOUND_PREFIX, rawMailBucketName } from './email-intake.ts';
import type { StageSettings } from './stage.ts';

/**
 * The logical ids the bucket had while the email intake construct made it, kept so that stacks
 * deployed then keep their bucket, its policy and its notification in place instead of replacing
 * them (a new bucket under the same fixed name could not be created).
 */
const EARLIER_LOGICAL_IDS = {
  bucket: 'EmailIntakeRawMail5612E5C4',
  policy: 'EmailIntakeRawMailPolicy416BE8EC',
  notifications: 'EmailIntakeRawMailNotificationsCA185106',
} as const;

export interface TicketFilesBucketProps {
  settings: StageSettings;
  /** Days raw inbound mail is kept; only when the desk receives mail. */
  retainRawMailDays?: number;
}

/**
 * Where tickets' files live, whether or not the desk receives mail: attachments (from mail and from
 * the web app) under `attachments/`, kept as long as tickets, and raw inbound mail under `inbound/`,
 * expired after the configured days. Its name is fixed per stage, account and region, so the
 * service stack grants on it without a cross-stack reference.
 */
export function createTicketFilesBucket(scope: Construct, id: string, props: TicketFilesBucketProps): Bucket {
  const bucket = new Bucket(scope, id, {
    bucketName: rawMailBucketName(Stack.of(scope), props.settings.stage),
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(props.retainRawMailDays !== undefined ? { lifecycleRules: [{ prefix: INBOUND_PREFIX, expiration: Duration.days(props.retainRawMailDays) }] } : {}),
  });
  (bucket.node.defaultChild as CfnBucket).overrideLogicalId(EARLIER_LOGICAL_IDS.bucket);
  (bucket.policy!.node.defaultChild as CfnBucketPolicy).overrideLogicalId(EARLIER_LOGICAL_IDS.policy);
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: "Only SES and the desk's functions write here, and only they read; CloudTrail data events can be enabled where object-level audit is required.",
  });
  return bucket;
}

/** Keeps the bucket's notification resource (made once a notification is added) under its earlier logical id. */
export function keepNotificationsLogicalId(bucket: Bucket): void {
  const resource = bucket.node.tryFindChild('Notifications')?.node.tryFindChild('Resource');
  if (resource) (resource as unknown as { overrideLogicalId(id: string): void }).overrideLogicalId(EARLIER_LOGICAL_IDS.notifications);
}
