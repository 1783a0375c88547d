import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeS3EventKey, encodeS3EventKey, rawMailLocationsFromSqsBody, S3EventNotificationError, s3ObjectCreatedNotification } from '../../../shared/adapters/s3/s3-event-notification.ts';

/** A notification as S3 delivers it to SQS when SES's S3 action writes a message (event structure 2.1, from the S3 docs). */
function sesObjectCreated(overrides: { key?: string; eventName?: string; bucket?: string; size?: number } = {}) {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-1',
        eventTime: '2026-11-02T08:00:00.123Z',
        eventName: overrides.eventName ?? 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AROAEXAMPLEID:ses-receipt' },
        requestParameters: { sourceIPAddress: '10.0.0.1' },
        responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'email-intake',
          bucket: {
            name: overrides.bucket ?? 'service-desk-prod-raw-mail',
            ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
            arn: `arn:aws:s3:::${overrides.bucket ?? 'service-desk-prod-raw-mail'}`,
          },
          object: {
            key: overrides.key ?? 'inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
            size: overrides.size ?? 3_412,
            eTag: 'd41d8cd98f00b204e9800998ecf8427e',
            sequencer: '0055AED6DCD90281E5',
          },
        },
      },
    ],
  };
}

/** S3's one-off message when a notification configuration is saved (from the S3 docs). */
const testEvent = {
  Service: 'Amazon S3',
  Event: 's3:TestEvent',
  Time: '2026-11-02T07:59:02.089Z',
  Bucket: 'service-desk-prod-raw-mail',
  RequestId: '5582815E1AEA5ADF',
  HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YRRCN1BHKDlEBhtLZAbrM8X5v8v0DYE=',
};

function problemsOf(body: string): string[] {
  try {
    rawMailLocationsFromSqsBody(body);
  } catch (error) {
    expect(error).toBeInstanceOf(S3EventNotificationError);
    return (error as S3EventNotificationError).problems;
  }
  throw new Error('expected the body to be refused');
}

describe('raw mail locations from an email-intake SQS body', () => {
  it('reads the bucket, key and size of the object SES stored', () => {
    expect(rawMailLocationsFromSqsBody(JSON.stringify(sesObjectCreated()))).toEqual([{ bucket: 'service-desk-prod-raw-mail', key: 'inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1', size: 3_412 }]);
  });

  it('URL-decodes the key: + is a space and %2B a plus', () => {
    const [location] = rawMailLocationsFromSqsBody(JSON.stringify(sesObjectCreated({ key: 'inbound/Re%3A+printer+jam+%2B+toner+%281%29+caf%C3%A9.eml' })));
    expect(location!.key).toBe('inbound/Re: printer jam + toner (1) café.eml');
  });

  it('accepts every kind of created object (Put, Copy, CompleteMultipartUpload)', () => {
    for (const eventName of ['ObjectCreated:Put', 'ObjectCreated:Copy', 'ObjectCreated:CompleteMultipartUpload']) {
      expect(rawMailLocationsFromSqsBody(JSON.stringify(sesObjectCreated({ eventName })))).toHaveLength(1);
    }
  });

  it('returns one location per record', () => {
    const two = sesObjectCreated();
    two.Records.push(sesObjectCreated({ key: 'inbound/second' }).Records[0]!);
    expect(rawMailLocationsFromSqsBody(JSON.stringify(two)).map((location) => location.key)).toEqual(['inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1', 'inbound/second']);
  });

  it('leaves size out when the notification has none', () => {
    const notification = sesObjectCreated();
    delete (notification.Records[0]!.s3.object as { size?: number }).size;
    expect(rawMailLocationsFromSqsBody(JSON.stringify(notification))).toEqual([{ bucket: 'service-desk-prod-raw-mail', key: 'inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1' }]);
  });

  it('recognises the s3:TestEvent and announces no mail', () => {
    expect(rawMailLocationsFromSqsBody(JSON.stringify(testEvent))).toEqual([]);
  });

  it('refuses a body that is not JSON', () => {
    expect(problemsOf('Records: []')[0]).toMatch(/^\(body\): is not JSON/);
  });

  it('refuses a notification without records, naming Records', () => {
    expect(problemsOf('{}')).toEqual(['Records: must be the array of event records']);
    expect(problemsOf('{"Records":[]}')).toEqual(['Records: must hold at least one record']);
  });

  it('refuses an event that is not an object creation, naming eventName', () => {
    expect(problemsOf(JSON.stringify(sesObjectCreated({ eventName: 'ObjectRemoved:Delete' })))).toEqual([
      'Records[0].eventName: must be an ObjectCreated event: the bucket notification should send only s3:ObjectCreated:*',
    ]);
  });

  it('names a missing bucket name and a missing key', () => {
    const notification = sesObjectCreated() as unknown as { Records: { s3: { bucket: object; object: object } }[] };
    notification.Records[0]!.s3.bucket = {};
    notification.Records[0]!.s3.object = { size: 1 };
    expect(problemsOf(JSON.stringify(notification))).toEqual(['Records[0].s3.bucket.name: must be the bucket name', 'Records[0].s3.object.key: must be the object key']);
  });

  it('names a key whose URL encoding is broken', () => {
    expect(problemsOf(JSON.stringify(sesObjectCreated({ key: 'inbound/%E0%A4%A' })))).toEqual(['Records[0].s3.object.key: is not a valid URL-encoded object key ("inbound/%E0%A4%A")']);
  });

  it('refuses a record from another event source', () => {
    const notification = sesObjectCreated();
    notification.Records[0]!.eventSource = 'aws:sqs';
    expect(problemsOf(JSON.stringify(notification))).toEqual(['Records[0].eventSource: must be aws:s3']);
  });

  it('tells an SNS-wrapped notification apart, with the fix', () => {
    const envelope = { Type: 'Notification', MessageId: 'b2c1', TopicArn: 'arn:aws:sns:eu-west-1:123456789012:raw-mail', Message: JSON.stringify(sesObjectCreated()) };
    expect(problemsOf(JSON.stringify(envelope))[0]).toMatch(/SNS envelope.*raw message delivery/);
  });

  it('says what is wrong in the error message itself', () => {
    expect(() => rawMailLocationsFromSqsBody(JSON.stringify(sesObjectCreated({ eventName: 'ObjectRemoved:Delete' })))).toThrow(/^Not an S3 event notification of a created object: Records\[0\]\.eventName: /);
  });
});

describe('S3 event keys', () => {
  it('encodes as S3 does: space as +, / kept, reserved characters percent-encoded', () => {
    expect(encodeS3EventKey('inbound/Re: printer jam + toner (1) café.eml')).toBe('inbound/Re%3A+printer+jam+%2B+toner+%281%29+caf%C3%A9.eml');
    expect(encodeS3EventKey('inbound/0f9c2d3e-7a41-4c1e-9b0d-8e1f2a3b4c5d')).toBe('inbound/0f9c2d3e-7a41-4c1e-9b0d-8e1f2a3b4c5d');
  });

  it('decodes whatever it encodes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (key) => {
        expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
      }),
    );
  });
});

describe('the ObjectCreated notification the local runtime sends', () => {
  const bytes = new TextEncoder().encode('Subject: hi\r\n\r\nhello\r\n');

  it('parses back to the stored object, key and size included', () => {
    const body = s3ObjectCreatedNotification({ bucket: 'local-raw-mail', key: 'inbound/a b+c', bytes });
    expect(rawMailLocationsFromSqsBody(body)).toEqual([{ bucket: 'local-raw-mail', key: 'inbound/a b+c', size: bytes.byteLength }]);
  });

  it('has the shape S3 sends: version 2.1, ObjectCreated:Put, the encoded key and an MD5 ETag', () => {
    const eventTime = new Date('2026-11-02T08:00:00.000Z');
    const body = JSON.parse(s3ObjectCreatedNotification({ bucket: 'local-raw-mail', key: 'inbound/a b', bytes, eventTime, region: 'local' }));
    expect(body).toEqual({
      Records: [
        expect.objectContaining({
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: 'local',
          eventTime: '2026-11-02T08:00:00.000Z',
          eventName: 'ObjectCreated:Put',
          s3: expect.objectContaining({
            s3SchemaVersion: '1.0',
            configurationId: 'email-intake',
            bucket: expect.objectContaining({ name: 'local-raw-mail', arn: 'arn:aws:s3:::local-raw-mail' }),
            object: { key: 'inbound/a+b', size: bytes.byteLength, eTag: 'a85651211d957f304f87b7123008f0c0', sequencer: expect.stringMatching(/^[0-9A-F]{16}$/) },
          }),
        }),
      ],
    });
  });
});
