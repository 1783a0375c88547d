/** Names of the environment variables the functions read; the stack and the local runtime set them. */
export const ENV = {
  tableName: 'TABLE_NAME',
  /** Only set locally: where DynamoDB Local listens. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  /** On AWS: the name of the SecureString parameter whose value signs approval links. */
  approvalLinkKeyParameter: 'APPROVAL_LINK_KEY_PARAMETER',
  /** The queue notifications wait in before they are sent. */
  notificationsQueueUrl: 'NOTIFICATIONS_QUEUE_URL',
  /** Locally: the approval link signing key itself. */
  approvalLinkSecret: 'APPROVAL_LINK_SECRET',
  /** The EventBridge Scheduler group that holds the SLA timer schedules. */
  slaTimerScheduleGroup: 'SLA_TIMER_SCHEDULE_GROUP',
  /** The function SLA timer schedules invoke. */
  slaTimerTargetArn: 'SLA_TIMER_TARGET_ARN',
  /** Where Scheduler puts a firing it could not deliver (the desk's failure queue). */
  slaTimerDeadLetterQueueArn: 'SLA_TIMER_DLQ_ARN',
  /** The role Scheduler assumes to invoke the target (passed with iam:PassRole). */
  slaTimerSchedulerRoleArn: 'SLA_TIMER_SCHEDULER_ROLE_ARN',
  /** Only set locally: where the local SES (aws-ses-v2-local) listens. */
  sesEndpoint: 'SES_ENDPOINT',
  /** The bucket that holds ticket attachments (from mail and from the web app) and raw inbound mail. */
  mailBucket: 'MAIL_BUCKET',
  /** The bucket browsers upload files to before they are attached (objects expire after a day). */
  uploadBucket: 'UPLOAD_BUCKET',
  /** Only set locally: the stand-in of S3 that takes uploads and moves them (served by the local API under /local-s3). */
  uploadS3Endpoint: 'UPLOAD_S3_ENDPOINT',
  /** Only set locally: the stand-in of the mail bucket that download links point at. */
  s3Endpoint: 'S3_ENDPOINT',
  /** The API's public URL, for links in mail (approval links). */
  publicApiUrl: 'PUBLIC_API_URL',
  /** The web app's public URL, for links in mail (invitations); `http://localhost:3000` locally. */
  publicWebUrl: 'PUBLIC_WEB_URL',
} as const;

/** Reads a required variable once; fails fast with the variable's name. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}
