import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { ENV, requiredEnv } from '../../environment.ts';
import { FILE_NAME_METADATA, type UploadForm, type UploadFormRequest, type UploadForms } from '../../ports/upload-store.ts';
import { uploadS3Client } from './s3-upload-store.ts';

type PolicyCondition = NonNullable<PresignedPostOptions['Conditions']>[number];

/**
 * The signed policy of an upload form beyond what the SDK adds itself (bucket, key, the signing
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
 */
export class S3UploadForms implements UploadForms {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async uploadForm(request: UploadFormRequest): Promise<UploadForm> {
    const { conditions, fields } = uploadPolicy(request);
    const { url, fields: signed } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: request.key,
      Conditions: conditions,
      Fields: fields,
      Expires: request.expiresInSeconds,
    });
    return { url, fields: signed };
  }
}

let fromEnv: S3UploadForms | undefined;

/** The function's upload forms. */
export function s3UploadFormsFromEnv(): S3UploadForms {
  fromEnv ??= new S3UploadForms(uploadS3Client(), requiredEnv(ENV.uploadBucket));
  return fromEnv;
}
