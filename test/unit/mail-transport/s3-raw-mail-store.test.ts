import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { S3ObjectRequests, S3RequestError } from '../../../shared/adapters/s3/s3-object-requests.ts';
import { S3RawMailStore } from '../../../shared/adapters/s3/s3-raw-mail-store.ts';
import { RawMailNotFoundError, RawMailTooLargeError, type RawMailLocation } from '../../../shared/ports/raw-mail-store.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';

const location: RawMailLocation = { bucket: 'service-desk-prod-raw-mail', key: 'inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1' };

/** Raw mail with CRLF line ends and Shift_JIS bytes that are not valid UTF-8: nothing may be re-encoded. */
const rawMail = Buffer.concat([Buffer.from('Subject: test\r\nContent-Type: text/plain; charset="Shift_JIS"\r\n\r\n', 'latin1'), Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x0d, 0x0a])]);

/** S3's path-style endpoint, stood in for on loopback. */
let s3: RecordingServer;
let requests: S3ObjectRequests;

beforeAll(async () => {
  s3 = await startRecordingServer('/s3');
  requests = new S3ObjectRequests({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, endpoint: s3.url, maxAttempts: 1 });
});

afterAll(() => s3.close());

beforeEach(() => s3.reset());

describe('the S3 raw mail store', () => {
  it('reads the object SES stored and returns its bytes unchanged', async () => {
    s3.answers.push({ status: 200, body: rawMail });
    const bytes = await new S3RawMailStore(requests).get(location);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.equals(rawMail)).toBe(true);
    expect(s3.received.map(({ method, url }) => `${method} ${url}`)).toEqual([`GET /s3/${location.bucket}/${location.key}`]);
  });

  it('refuses a message whose notified size is over the limit without reading it', async () => {
    const store = new S3RawMailStore(requests, { maxBytes: 100 });
    await expect(store.get({ ...location, size: 101 })).rejects.toThrow(
      'Raw mail s3://service-desk-prod-raw-mail/inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1 is 101 bytes, over the 100-byte limit (SES receiving stores at most 40 MB)',
    );
    expect(s3.received).toHaveLength(0);
  });

  it('refuses a message whose Content-Length is over the limit', async () => {
    s3.answers.push({ status: 200, body: Buffer.alloc(101) });
    const error = await new S3RawMailStore(requests, { maxBytes: 100 }).get(location).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RawMailTooLargeError);
    expect(error).toMatchObject({ sizeBytes: 101, maxBytes: 100, location });
  });

  it('cancels the unread body of a message over the limit, which frees its connection', async () => {
    const cancel = vi.fn();
    const oversized = { get: async () => ({ status: 200, headers: new Headers({ 'content-length': String(41 * 1024 * 1024) }), body: new ReadableStream<Uint8Array>({ cancel }) }) };
    await expect(new S3RawMailStore(oversized).get(location)).rejects.toMatchObject({ sizeBytes: 41 * 1024 * 1024, maxBytes: 40 * 1024 * 1024 });
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('refuses a body over the limit when S3 gave no Content-Length, counting all of it', async () => {
    s3.answers.push({ status: 200, body: Buffer.alloc(150), chunked: true });
    await expect(new S3RawMailStore(requests, { maxBytes: 100 }).get(location)).rejects.toMatchObject({ name: 'RawMailTooLargeError', sizeBytes: 150 });
    s3.answers.push({ status: 200, body: rawMail, chunked: true });
    expect((await new S3RawMailStore(requests).get(location)).equals(rawMail)).toBe(true);
  });

  it('takes a message of exactly the limit', async () => {
    s3.answers.push({ status: 200, body: Buffer.alloc(100) });
    await expect(new S3RawMailStore(requests, { maxBytes: 100 }).get({ ...location, size: 100 })).resolves.toHaveLength(100);
  });

  it('reports a missing object as RawMailNotFoundError', async () => {
    s3.answers.push({ status: 404, body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>' });
    const error = await new S3RawMailStore(requests).get(location).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RawMailNotFoundError);
    expect((error as Error).message).toBe('Raw mail s3://service-desk-prod-raw-mail/inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1 does not exist');
    expect((error as Error).cause).toMatchObject({ name: 'NoSuchKey', statusCode: 404 });
  });

  it('throws any other failure as it is, so the record is retried', async () => {
    s3.answers.push({ status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' });
    const error = await new S3RawMailStore(requests).get(location).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(S3RequestError);
    expect(error).toMatchObject({ name: 'AccessDenied', statusCode: 403, message: 'Access Denied' });
  });
});
