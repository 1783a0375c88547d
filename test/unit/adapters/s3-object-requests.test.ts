import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3ObjectRequests, S3RequestError } from '../../../shared/adapters/s3/s3-object-requests.ts';
import { objectUrl } from '../../../shared/adapters/s3/s3-presigning.ts';
import { S3UploadStore } from '../../../shared/adapters/s3/s3-upload-store.ts';
import { startRecordingServer, type QueuedAnswer, type ReceivedRequest, type RecordingServer } from '../../support/recording-server.ts';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' };
const REGION = 'eu-west-1';
const BUCKETS = { uploads: 'desk-uploads', attachments: 'desk-files' };
const UPLOAD_KEY = 'uploads/7f3a9c/01JD8ZQ4';
const LOCATION = 'attachments/7f3a9c/01JD8ZQ4/Offer (final) ü+1.pdf';

type Received = ReceivedRequest;

let s3: RecordingServer;
let endpoint: string;
let received: Received[];
let answers: QueuedAnswer[];

beforeAll(async () => {
  s3 = await startRecordingServer('/s3');
  ({ url: endpoint, received, answers } = s3);
});

afterAll(() => s3.close());

beforeEach(() => s3.reset());

const requests = (maxAttempts = 3) => new S3ObjectRequests({ region: REGION, credentials: CREDENTIALS, endpoint, maxAttempts });
const sdkClient = () =>
  new S3Client({ region: REGION, credentials: CREDENTIALS, endpoint, forcePathStyle: true, maxAttempts: 1, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });

const signedHeaders = (request: Received) => /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))![1]!.split(';');

/** Signs the request as it arrived with the SDK's signer, at the time it says it was signed: equal only when nothing changed after signing. */
async function signatureOf(request: Received): Promise<string> {
  const headers = Object.fromEntries(signedHeaders(request).map((name) => [name, String(request.headers[name])]));
  const date = String(request.headers['x-amz-date']);
  const signingDate = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  const url = new URL(request.url, endpoint);
  const query = Object.fromEntries(url.searchParams);
  const signer = new SignatureV4({ service: 's3', region: REGION, credentials: CREDENTIALS, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  const signed = await signer.sign(new HttpRequest({ method: request.method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers }), { signingDate });
  return String(signed.headers.authorization);
}

/** Ours and the SDK's request for the same call: the same method, path, headers that S3 reads and signed headers, each signature sound. */
async function expectSameRequest(ours: Received, sdk: Received): Promise<void> {
  expect({ method: ours.method, url: ours.url }).toEqual({ method: sdk.method, url: sdk.url.replace(/\?x-id=\w+$/, '') });
  const read = (request: Received) => Object.fromEntries(Object.entries(request.headers).filter(([name]) => /^(x-amz-(?!date$|user-agent$)|content-type$|content-disposition$|host$)/.test(name)));
  expect(read(ours)).toEqual(read(sdk));
  expect(signedHeaders(ours)).toEqual(signedHeaders(sdk).filter((name) => !/^amz-sdk-|^x-amz-user-agent$/.test(name)));
  expect(ours.headers.authorization).toBe(await signatureOf(ours));
  // The SDK's request is checked the same way, so the check itself is known to hold for a good signature.
  expect(sdk.headers.authorization).toBe(await signatureOf(sdk));
}

describe('S3 object calls without the S3 client', () => {
  it('sends HeadObject as the S3 client does', async () => {
    await requests().send({ method: 'HEAD', bucket: BUCKETS.uploads, key: UPLOAD_KEY });
    await sdkClient().send(new HeadObjectCommand({ Bucket: BUCKETS.uploads, Key: UPLOAD_KEY }));
    const [ours, sdk] = received as [Received, Received];
    expect(ours.url).toBe(`/s3/${BUCKETS.uploads}/${UPLOAD_KEY}`);
    await expectSameRequest(ours, sdk);
  });

  it('sends CopyObject with its conditions and new metadata as the S3 client does', async () => {
    const copy = {
      CopySource: `${BUCKETS.uploads}/${UPLOAD_KEY}`,
      CopySourceIfMatch: '"abc"',
      MetadataDirective: 'REPLACE',
      ContentType: 'application/pdf',
      ContentDisposition: 'attachment',
      Metadata: { 'file-name': 'Offer%20(final)%20%C3%BC%2B1.pdf' },
    } as const;
    answers.push(
      { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><ETag>"abc"</ETag></CopyObjectResult>' },
      { status: 200, body: '<CopyObjectResult><ETag>"abc"</ETag></CopyObjectResult>' },
    );
    await requests().send({
      method: 'PUT',
      bucket: BUCKETS.attachments,
      key: LOCATION,
      headers: {
        'x-amz-copy-source': copy.CopySource,
        'x-amz-copy-source-if-match': copy.CopySourceIfMatch,
        'x-amz-metadata-directive': copy.MetadataDirective,
        'content-type': copy.ContentType,
        'content-disposition': copy.ContentDisposition,
        'x-amz-meta-file-name': copy.Metadata['file-name'],
      },
    });
    await sdkClient().send(new CopyObjectCommand({ Bucket: BUCKETS.attachments, Key: LOCATION, ...copy }));
    const [ours, sdk] = received as [Received, Received];
    expect(ours.url).toBe(`/s3/${BUCKETS.attachments}/attachments/7f3a9c/01JD8ZQ4/Offer%20%28final%29%20%C3%BC%2B1.pdf`);
    await expectSameRequest(ours, sdk);
  });

  it('sends GetObject as the S3 client does, and gives the body to read', async () => {
    const mail = Buffer.from('Subject: Printer\r\n\r\nIt jams.\r\n');
    answers.push({ status: 200, body: mail }, { status: 200, body: mail });
    const content = await requests().get(BUCKETS.attachments, 'inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1');
    expect(Buffer.from(await new Response(content.body).arrayBuffer()).equals(mail)).toBe(true);
    expect(content.headers.get('content-length')).toBe(String(mail.length));
    await sdkClient().send(new GetObjectCommand({ Bucket: BUCKETS.attachments, Key: 'inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1' }));
    const [ours, sdk] = received as [Received, Received];
    await expectSameRequest(ours, sdk);
  });

  it('sends PutObject with its body, typed, as the S3 client does; the signature covers the body', async () => {
    const content = Buffer.from('%PDF-1.7\n\u00e4\u00f6\u00fc binary \u0000\u00ff');
    await requests().send({ method: 'PUT', bucket: BUCKETS.attachments, key: LOCATION, headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment' }, body: content });
    await sdkClient().send(new PutObjectCommand({ Bucket: BUCKETS.attachments, Key: LOCATION, Body: content, ContentType: 'application/pdf', ContentDisposition: 'attachment', ContentLength: content.length }));
    const [ours, sdk] = received as [Received, Received];
    await expectSameRequest(ours, sdk);
    expect(ours.body.equals(content)).toBe(true);
    expect(ours.headers['content-length']).toBe(sdk.headers['content-length']);
    expect(ours.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('sends DeleteObject as the S3 client does', async () => {
    answers.push({ status: 204 }, { status: 204 });
    await requests().send({ method: 'DELETE', bucket: BUCKETS.uploads, key: UPLOAD_KEY });
    await sdkClient().send(new DeleteObjectCommand({ Bucket: BUCKETS.uploads, Key: UPLOAD_KEY }));
    const [ours, sdk] = received as [Received, Received];
    await expectSameRequest(ours, sdk);
  });

  it("addresses a bucket's virtual host on AWS, each key segment encoded once", () => {
    expect(objectUrl({ region: 'eu-central-1' }, 'desk-files', LOCATION).href).toBe('https://desk-files.s3.eu-central-1.amazonaws.com/attachments/7f3a9c/01JD8ZQ4/Offer%20%28final%29%20%C3%BC%2B1.pdf');
  });

  it('names a refusal by its code, as the SDK names the exception, and does not try it again', async () => {
    const refusal = { status: 412, body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>' };
    answers.push(refusal);
    const ours = await requests()
      .send({ method: 'PUT', bucket: BUCKETS.attachments, key: LOCATION, headers: { 'x-amz-copy-source': `${BUCKETS.uploads}/${UPLOAD_KEY}` } })
      .catch((error: unknown) => error);
    expect(received).toHaveLength(1);
    answers.push(refusal);
    const sdk = await sdkClient()
      .send(new CopyObjectCommand({ Bucket: BUCKETS.attachments, Key: LOCATION, CopySource: `${BUCKETS.uploads}/${UPLOAD_KEY}` }))
      .catch((error: unknown) => error);
    expect(ours).toBeInstanceOf(S3RequestError);
    expect(ours).toMatchObject({ name: (sdk as Error).name, statusCode: 412, message: 'At least one of the pre-conditions you specified did not hold' });
  });

  it('takes a copy answered 200 with an error in its body as failed, and tries it again', async () => {
    answers.push({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>' });
    answers.push({ status: 503, body: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>' });
    answers.push({ status: 200, body: '<CopyObjectResult><ETag>"abc"</ETag></CopyObjectResult>' });
    expect((await requests().send({ method: 'PUT', bucket: BUCKETS.attachments, key: LOCATION, headers: { 'x-amz-copy-source': `${BUCKETS.uploads}/${UPLOAD_KEY}` } })).status).toBe(200);
    expect(received).toHaveLength(3);

    received.length = 0;
    answers.push({ status: 200, body: '<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>' });
    await expect(requests(1).send({ method: 'PUT', bucket: BUCKETS.attachments, key: LOCATION, headers: { 'x-amz-copy-source': 'a/b' } })).rejects.toMatchObject({ name: 'InternalError' });
    expect(received).toHaveLength(1);
  });
});

describe('a redirect', () => {
  it('is S3 refusing the request, not a place to send it again', async () => {
    answers.push({
      status: 301,
      body: '<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message></Error>',
      headers: { location: 'http://127.0.0.1:1/elsewhere' },
    });
    await expect(requests().send({ method: 'DELETE', bucket: BUCKETS.uploads, key: UPLOAD_KEY })).rejects.toMatchObject({ name: 'PermanentRedirect', statusCode: 301 });
    expect(received).toHaveLength(1);
  });
});

describe('the upload store on those calls', () => {
  const store = () => new S3UploadStore(requests(), BUCKETS);

  it("reads an upload's size, type, name and ETag from its head", async () => {
    answers.push({ status: 200, headers: { 'content-length': '2048', 'content-type': 'application/pdf', etag: '"abc"', 'x-amz-meta-file-name': 'Offer%20%C3%BC.pdf' } });
    expect(await store().find(UPLOAD_KEY)).toEqual({ size: 2048, contentType: 'application/pdf', fileName: 'Offer ü.pdf', etag: '"abc"' });
  });

  it('finds no upload where S3 answers 404, or 403 (no ListBucket), and passes other failures on', async () => {
    answers.push({ status: 404 }, { status: 403 });
    expect(await store().find(UPLOAD_KEY)).toBeUndefined();
    expect(await store().find(UPLOAD_KEY)).toBeUndefined();
    answers.push({ status: 400 });
    await expect(store().find(UPLOAD_KEY)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('copies an upload into the attachments on the ETag it was read with, typed, as an attachment, with its name', async () => {
    answers.push({ status: 200, body: '<CopyObjectResult><ETag>"abc"</ETag></CopyObjectResult>' });
    await store().copyToAttachments(UPLOAD_KEY, { size: 2048, contentType: 'application/pdf', fileName: 'Offer ü.pdf', etag: '"abc"' }, LOCATION);
    expect(received[0]!.headers).toMatchObject({
      'x-amz-copy-source': `${BUCKETS.uploads}/${UPLOAD_KEY}`,
      'x-amz-copy-source-if-match': '"abc"',
      'x-amz-metadata-directive': 'REPLACE',
      'content-type': 'application/pdf',
      'content-disposition': 'attachment',
      'x-amz-meta-file-name': 'Offer%20%C3%BC.pdf',
    });
  });
});
