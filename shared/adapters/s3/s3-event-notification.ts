import { createHash, randomBytes } from 'node:crypto';
import * as z from '../../schema/zod-mini.ts';
import { formatPath } from '../../config/config-error.ts';
import type { RawMailLocation } from '../../ports/raw-mail-store.ts';

/**
 * An SQS message body that is not an S3 event notification of a created object; `problems` name
 * each field (`Records[0].s3.object.key: ...`). Retrying cannot fix it, so the intake lets the
 * record fail into the dead-letter queue, where the message stays for a person to look at.
 */
export class S3EventNotificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not an S3 event notification of a created object: ${problems.join('; ')}`);
    this.name = 'S3EventNotificationError';
  }
}

// Only the fields the intake uses are checked; S3 adds fields over time (eventVersion 2.1, 2.2, ...).
const recordSchema = z.object({
  eventSource: z.literal('aws:s3', 'must be aws:s3'),
  eventName: z.string('must be a string such as ObjectCreated:Put').check(z.startsWith('ObjectCreated:', 'must be an ObjectCreated event: the bucket notification should send only s3:ObjectCreated:*')),
  s3: z.object({
    bucket: z.object({ name: z.string('must be the bucket name').check(z.minLength(1, 'must be the bucket name')) }),
    object: z.object({
      key: z.string('must be the object key').check(z.minLength(1, 'must be the object key')),
      size: z.optional(z.number('must be a number of bytes').check(z.int(), z.nonnegative())),
    }),
  }),
});

const notificationSchema = z.object({
  Records: z.array(recordSchema, 'must be the array of event records').check(z.minLength(1, 'must hold at least one record')),
});

/** What S3 sends once to a destination when the notification is configured, to check it can deliver. */
const testEventSchema = z.object({ Service: z.literal('Amazon S3'), Event: z.literal('s3:TestEvent') });

/** An S3 notification wrapped by SNS (S3 -> SNS -> SQS without raw message delivery). */
const snsEnvelopeSchema = z.object({ Type: z.literal('Notification'), Message: z.string() });

/**
 * The raw mails an `email-intake` SQS message body announces: the body is the S3 event
 * notification JSON, one location per record with the key URL-decoded. S3's test event (sent once
 * when the notification is configured) announces nothing and yields []. Anything else throws
 * S3EventNotificationError naming the field.
 */
export function rawMailLocationsFromSqsBody(body: string): RawMailLocation[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new S3EventNotificationError([`(body): is not JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  if (z.safeParse(testEventSchema, json).success) return [];
  if (z.safeParse(snsEnvelopeSchema, json).success) {
    throw new S3EventNotificationError(['(body): is an SNS envelope; deliver S3 notifications to the queue directly, or turn on raw message delivery']);
  }

  const result = z.safeParse(notificationSchema, json);
  if (!result.success) {
    throw new S3EventNotificationError(result.error.issues.map((issue) => `${formatPath(issue.path) || '(body)'}: ${issue.message}`));
  }
  return result.data.Records.map((record, index) => {
    const key = decodeS3EventKey(record.s3.object.key, `Records[${index}].s3.object.key`);
    const { size } = record.s3.object;
    return { bucket: record.s3.bucket.name, key, ...(size === undefined ? {} : { size }) };
  });
}

/**
 * An object key as S3 event notifications spell it, decoded: form URL encoding, so '+' is a space
 * and a real '+' arrives as %2B. `field` names the key in the error when the encoding is broken.
 */
export function decodeS3EventKey(encoded: string, field = 'key'): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, '%20'));
  } catch {
    throw new S3EventNotificationError([`${field}: is not a valid URL-encoded object key (${JSON.stringify(encoded)})`]);
  }
}

/**
 * An object key encoded as S3 writes it into event notifications: space as '+', '/' kept, and
 * everything but letters, digits and `-_.*` percent-encoded (UTF-8).
 */
export function encodeS3EventKey(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+'),
    )
    .join('/');
}

/** What the local runtime knows about an object it stored, to announce it as S3 would. */
export interface CreatedObject {
  bucket: string;
  /** The object key, not encoded. */
  key: string;
  /** The object's bytes: its size and ETag (MD5 of a single-part upload) are taken from them. */
  bytes: Uint8Array;
  /** The AWS region in the ARN-less fields; 'local' by default. */
  region?: string;
  /** The notification configuration's id; the name of the queue it delivers to by default. */
  configurationId?: string;
  eventTime?: Date;
}

/**
 * The S3 event notification JSON (event structure version 2.1) for one `ObjectCreated:Put`, shaped
 * as S3 delivers it to an SQS queue, key encoded included. The local SMTP intake puts this in the
 * SQS message body, so the handler parses the same text on AWS and in `npm start`.
 */
export function s3ObjectCreatedNotification(object: CreatedObject): string {
  const eventTime = object.eventTime ?? new Date();
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: object.region ?? 'local',
        eventTime: eventTime.toISOString(),
        eventName: 'ObjectCreated:Put',
        // SES's S3 action writes as the SES service principal.
        userIdentity: { principalId: 'AWS:SES' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': randomHex(16), 'x-amz-id-2': randomHex(48) },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: object.configurationId ?? 'email-intake',
          bucket: { name: object.bucket, ownerIdentity: { principalId: 'LOCAL' }, arn: `arn:aws:s3:::${object.bucket}` },
          object: {
            key: encodeS3EventKey(object.key),
            size: object.bytes.byteLength,
            eTag: createHash('md5').update(object.bytes).digest('hex'),
            // S3's sequencer orders events for one key; a hex timestamp keeps that property locally.
            sequencer: eventTime.getTime().toString(16).toUpperCase().padStart(16, '0'),
          },
        },
      },
    ],
  });
}

function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length)
    .toUpperCase();
}
