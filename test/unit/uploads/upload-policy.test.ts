import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { S3UploadForms, uploadPolicy } from '../../../shared/adapters/s3/s3-upload-forms.ts';
import { checkPostPolicy, isRefusal, type AcceptedPost, type S3Refusal } from '../../../local/s3-post-policy.ts';

const CREDENTIALS = { local: 'local' };
const request = { key: 'uploads/0123456789abcdef0123456789abcdef/01J0000000000000000000000A', contentType: 'image/png', fileName: 'Bildschirm Übersicht.png', maxBytes: 1000, expiresInSeconds: 900 };

async function signedForm(clockOffset = 0): Promise<[string, string][]> {
  const forms = new S3UploadForms({
    bucket: 'uploads-bucket',
    endpoint: 'http://127.0.0.1:3000/local-s3',
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    now: () => new Date(Date.now() + clockOffset),
  });
  const form = await forms.uploadForm(request);
  expect(form.url).toBe('http://127.0.0.1:3000/local-s3/uploads-bucket');
  return Object.entries(form.fields);
}

function check(fields: readonly [string, string][], fileSize = 10, now = new Date()): AcceptedPost | S3Refusal {
  return checkPostPolicy({ fields, bucket: 'uploads-bucket', fileSize, credentials: CREDENTIALS, now });
}

const replaced = (fields: [string, string][], name: string, value: string): [string, string][] => fields.map(([field, old]) => [field, field === name ? value : old]);

describe('the upload form policy', () => {
  it('caps the size, pins the Content-Type and carries the file name, percent-encoded', () => {
    const { conditions, fields } = uploadPolicy(request);
    expect(conditions).toContainEqual(['content-length-range', 1, 1000]);
    expect(conditions).toContainEqual(['eq', '$Content-Type', 'image/png']);
    expect(fields).toEqual({ 'Content-Type': 'image/png', 'x-amz-meta-file-name': 'Bildschirm%20%C3%9Cbersicht.png' });
  });

  it('signs a policy the S3 check accepts, pinning the exact key and expiring in minutes', async () => {
    const fields = await signedForm();
    const policy = JSON.parse(Buffer.from(Object.fromEntries(fields).Policy!, 'base64').toString()) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toContainEqual({ key: request.key });
    expect(Date.parse(policy.expiration) - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    expect(Date.parse(policy.expiration) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(check(fields)).toEqual({ key: request.key, contentType: 'image/png', metadata: { 'file-name': 'Bildschirm%20%C3%9Cbersicht.png' }, successStatus: 204 });
  });
});

describe('signing the upload form', () => {
  const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+value=' };
  const signedAt = new Date('2026-12-03T10:15:42.123Z');

  afterEach(() => vi.useRealTimers());

  /** The form @aws-sdk/s3-presigned-post signs for the same request at the same moment. */
  async function sdkForm(region: string, endpoint?: string) {
    vi.useFakeTimers({ toFake: ['Date'], now: signedAt });
    const client = new S3Client({ region, credentials, ...(endpoint ? { endpoint, forcePathStyle: true } : {}) });
    try {
      const { conditions, fields } = uploadPolicy(request);
      return await createPresignedPost(client, { Bucket: 'uploads-bucket', Key: request.key, Conditions: conditions, Fields: fields, Expires: request.expiresInSeconds });
    } finally {
      client.destroy();
      vi.useRealTimers();
    }
  }

  it.each(['eu-central-1', 'us-east-1'])('signs the form the SDK signs, for the bucket on AWS in %s', async (region) => {
    const ours = await new S3UploadForms({ bucket: 'uploads-bucket', region, credentials, now: () => signedAt }).uploadForm(request);
    expect(ours).toEqual(await sdkForm(region));
    expect(ours.fields['X-Amz-Security-Token']).toBe(credentials.sessionToken);
  });

  it('signs the form the SDK signs against a path-style endpoint', async () => {
    const endpoint = 'http://127.0.0.1:3000/local-s3';
    const ours = await new S3UploadForms({ bucket: 'uploads-bucket', region: 'us-east-1', endpoint, credentials, now: () => signedAt }).uploadForm(request);
    expect(ours).toEqual(await sdkForm('us-east-1', endpoint));
  });
});

describe('checking a form post as S3 does', () => {
  it('refuses a file over the range with EntityTooLarge and an empty one with EntityTooSmall', async () => {
    const fields = await signedForm();
    expect(check(fields, 1001)).toMatchObject({ status: 400, code: 'EntityTooLarge' });
    expect(check(fields, 0)).toMatchObject({ status: 400, code: 'EntityTooSmall' });
    expect(isRefusal(check(fields, 1000))).toBe(false);
  });

  it('refuses an expired policy', async () => {
    const fields = await signedForm(-16 * 60 * 1000);
    expect(check(fields)).toEqual({ status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' });
  });

  it('refuses another key, Content-Type or file name than the policy names', async () => {
    const fields = await signedForm();
    expect(check(replaced(fields, 'key', 'uploads/someone-else/x'))).toMatchObject({ status: 403, code: 'AccessDenied', message: expect.stringContaining('$key') });
    expect(check(replaced(fields, 'Content-Type', 'text/html'))).toMatchObject({ status: 403, message: expect.stringContaining('$Content-Type') });
    expect(check(replaced(fields, 'x-amz-meta-file-name', 'evil.html'))).toMatchObject({ status: 403, code: 'AccessDenied' });
  });

  it('refuses a field no condition covers, and takes the success status the form asks for', async () => {
    const fields = await signedForm();
    expect(check([...fields, ['acl', 'public-read']])).toMatchObject({ status: 403, message: 'Invalid according to Policy: Extra input fields: acl' });
    expect(check([...fields, ['success_action_status', '201']])).toMatchObject({ successStatus: 201 });
  });

  it('refuses a forged signature, an unknown access key, another bucket and a missing key', async () => {
    const fields = await signedForm();
    expect(check(replaced(fields, 'X-Amz-Signature', 'f'.repeat(64)))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(checkPostPolicy({ fields, bucket: 'uploads-bucket', fileSize: 1, credentials: { other: 'x' }, now: new Date() })).toMatchObject({ code: 'InvalidAccessKeyId' });
    expect(checkPostPolicy({ fields, bucket: 'another-bucket', fileSize: 1, credentials: CREDENTIALS, now: new Date() })).toMatchObject({ status: 403, message: expect.stringContaining('bucket') });
    expect(check(fields.filter(([name]) => name !== 'key'))).toMatchObject({ status: 400, code: 'InvalidArgument' });
  });
});
