import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { S3RawMailStore } from '../../../shared/adapters/s3/s3-raw-mail-store.ts';
import { RawMailNotFoundError, RawMailTooLargeError, type RawMailLocation } from '../../../shared/ports/raw-mail-store.ts';

const client = new S3Client({ region: 'eu-west-1' });
const s3 = mockClient(client);

const location: RawMailLocation = { bucket: 'service-desk-prod-raw-mail', key: 'inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1' };

/** Raw mail with CRLF line ends and Shift_JIS bytes that are not valid UTF-8: nothing may be re-encoded. */
const rawMail = Buffer.concat([Buffer.from('Subject: test\r\nContent-Type: text/plain; charset="Shift_JIS"\r\n\r\n', 'latin1'), Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x0d, 0x0a])]);

/** A GetObject body as the SDK gives it, reduced to what the adapter uses (the SDK's stream mixin is not a direct dependency). */
function body(bytes: Uint8Array, destroy = vi.fn()) {
  return { transformToByteArray: async () => new Uint8Array(bytes), destroy } as unknown as GetObjectCommandOutput['Body'];
}

beforeEach(() => s3.reset());

describe('the S3 raw mail store', () => {
  it('reads the object SES stored and returns its bytes unchanged', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(rawMail), ContentLength: rawMail.byteLength });
    const bytes = await new S3RawMailStore(client).get(location);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.equals(rawMail)).toBe(true);
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: location.bucket, Key: location.key });
  });

  it('refuses a message whose notified size is over the limit without reading it', async () => {
    const store = new S3RawMailStore(client, { maxBytes: 100 });
    await expect(store.get({ ...location, size: 101 })).rejects.toThrow(
      'Raw mail s3://service-desk-prod-raw-mail/inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1 is 101 bytes, over the 100-byte limit (SES receiving stores at most 40 MB)',
    );
    expect(s3).not.toHaveReceivedCommand(GetObjectCommand);
  });

  it('refuses a message whose Content-Length is over the limit and releases the connection', async () => {
    const destroy = vi.fn();
    s3.on(GetObjectCommand).resolves({ Body: body(Buffer.alloc(10), destroy), ContentLength: 41 * 1024 * 1024 });
    const error = await new S3RawMailStore(client).get(location).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RawMailTooLargeError);
    expect(error).toMatchObject({ sizeBytes: 41 * 1024 * 1024, maxBytes: 40 * 1024 * 1024, location });
    expect(destroy).toHaveBeenCalledOnce();
  });

  it('refuses a body over the limit when S3 gave no Content-Length', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(Buffer.alloc(101)) });
    await expect(new S3RawMailStore(client, { maxBytes: 100 }).get(location)).rejects.toBeInstanceOf(RawMailTooLargeError);
  });

  it('takes a message of exactly the limit', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(Buffer.alloc(100)), ContentLength: 100 });
    await expect(new S3RawMailStore(client, { maxBytes: 100 }).get({ ...location, size: 100 })).resolves.toHaveLength(100);
  });

  it('reports a missing object as RawMailNotFoundError', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));
    const error = await new S3RawMailStore(client).get(location).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RawMailNotFoundError);
    expect((error as Error).message).toBe('Raw mail s3://service-desk-prod-raw-mail/inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1 does not exist');
    expect((error as Error).cause).toBeInstanceOf(NoSuchKey);
  });

  it('throws any other failure as it is, so the record is retried', async () => {
    const denied = new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', $metadata: { httpStatusCode: 403 } });
    s3.on(GetObjectCommand).rejects(denied);
    await expect(new S3RawMailStore(client).get(location)).rejects.toBe(denied);
  });

  it('says so when S3 returns no body', async () => {
    s3.on(GetObjectCommand).resolves({});
    await expect(new S3RawMailStore(client).get(location)).rejects.toThrow(/came back from S3 without a body/);
  });
});
