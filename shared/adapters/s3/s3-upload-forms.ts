import { createHmac } from 'node:crypto';
import { Sha256 } from '@smithy/core/checksum';
import { createScope, getSigningKey } from '@smithy/signature-v4';
import { ENV, requiredEnv } from '../../environment.ts';
import { FILE_NAME_METADATA, type UploadForm, type UploadFormRequest, type UploadForms } from '../../ports/upload-store.ts';
import { presigningFor, type S3PresigningOptions } from './s3-presigning.ts';

/** A condition of an S3 POST policy: an exact field (`{ name: value }`) or a rule (`[op, field, ...]`). */
type PolicyCondition = Record<string, string> | ['eq' | 'starts-with', string, string] | ['content-length-range', number, number];

/**
 * The signed policy of an upload form beyond what the signing adds (bucket, key, the signing
 * fields): a size range, the exact Content-Type and file name metadata, and a success status the
 * browser may choose. A presigned PUT could not cap the size; a POST policy can.
 */
export function uploadPolicy(request: UploadFormRequest): { conditions: PolicyCondition[]; fields: Record<string, string> } {
  const fields = { 'Content-Type': request.contentType, [`x-amz-meta-${FILE_NAME_METADATA}`]: encodeURIComponent(request.fileName) };
  return {
    conditions: [
      ['content-length-range', 1, request.maxBytes],
      ['eq', '$Content-Type', request.contentType],
      ['starts-with', '$success_action_status', ''],
    ],
    fields,
  };
}

/**
 * Upload forms for the upload bucket, signed with the function's own role, so S3 takes the post
 * only while that role may put objects under the uploads prefix.
 *
 * The POST policy is signed here with the SDK's SigV4 key derivation, as `createPresignedPost` of
 * @aws-sdk/s3-presigned-post signs it: that function takes an S3 client and imports its commands
 * to resolve the endpoint, which puts the whole client (about 170 KB) into a route that never calls
 * S3. test/unit/uploads/upload-policy.test.ts checks that both sign the same form.
 */
export class S3UploadForms implements UploadForms {
  constructor(private readonly options: S3PresigningOptions) {}

  async uploadForm(request: UploadFormRequest): Promise<UploadForm> {
    const { bucket, region } = this.options;
    const now = this.options.now?.() ?? new Date();
    const amzDate = iso8601(now).replace(/[-:]/g, '');
    const day = amzDate.slice(0, 8);
    const credentials = typeof this.options.credentials === 'function' ? await this.options.credentials() : this.options.credentials;
    const { conditions, fields } = uploadPolicy(request);
    const signingFields = {
      ...fields,
      bucket,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${credentials.accessKeyId}/${createScope(day, region, 's3')}`,
      'X-Amz-Date': amzDate,
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const policy = {
      expiration: iso8601(new Date(now.getTime() + request.expiresInSeconds * 1000)),
      conditions: [...conditions, ...Object.entries(signingFields).map(([name, value]) => ({ [name]: value })), { key: request.key }],
    };
    const encodedPolicy = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
    const signingKey = await getSigningKey(Sha256, credentials, day, region, 's3');
    const signature = createHmac('sha256', signingKey).update(encodedPolicy).digest('hex');
    return { url: this.url(), fields: { ...signingFields, key: request.key, Policy: encodedPolicy, 'X-Amz-Signature': signature } };
  }

  private url(): string {
    const { bucket, endpoint, region } = this.options;
    return endpoint ? `${endpoint.replace(/\/$/, '')}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com/`;
  }
}

/** An ISO 8601 time to the second, as SigV4 writes it. */
const iso8601 = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

let fromEnv: S3UploadForms | undefined;

/** The function's upload forms; UPLOAD_S3_ENDPOINT points them at the local stand-in in `npm start`. */
export function s3UploadFormsFromEnv(): S3UploadForms {
  fromEnv ??= new S3UploadForms(presigningFor(requiredEnv(ENV.uploadBucket), process.env[ENV.uploadS3Endpoint]));
  return fromEnv;
}
