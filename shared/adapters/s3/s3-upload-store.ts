import { CopyObjectCommand, DeleteObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { ENV, requiredEnv } from '../../environment.ts';
import { FILE_NAME_METADATA, type StoredUpload, type UploadForm, type UploadFormRequest, type UploadStore } from '../../ports/upload-store.ts';
import { s3Client } from './s3-client.ts';

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
 * Uploads in the upload bucket, moved into the attachments prefix of the ticket files bucket. The
 * form is signed with the function's own role, so S3 takes the post only while that role may put
 * objects under the uploads prefix.
 */
export class S3UploadStore implements UploadStore {
  constructor(
    private readonly client: S3Client,
    private readonly buckets: { uploads: string; attachments: string },
  ) {}

  async uploadForm(request: UploadFormRequest): Promise<UploadForm> {
    const { conditions, fields } = uploadPolicy(request);
    const { url, fields: signed } = await createPresignedPost(this.client, {
      Bucket: this.buckets.uploads,
      Key: request.key,
      Conditions: conditions,
      Fields: fields,
      Expires: request.expiresInSeconds,
    });
    return { url, fields: signed };
  }

  async find(key: string): Promise<StoredUpload | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.buckets.uploads, Key: key }));
      const encodedName = head.Metadata?.[FILE_NAME_METADATA];
      return {
        size: head.ContentLength ?? 0,
        contentType: head.ContentType ?? 'application/octet-stream',
        fileName: encodedName ? safeDecode(encodedName) : 'attachment',
        etag: head.ETag ?? '',
      };
    } catch (error) {
      // Without s3:ListBucket (not granted) S3 answers a missing key with 403 rather than 404.
      const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
      if (status === 404 || status === 403) return undefined;
      throw error;
    }
  }

  async copyToAttachments(key: string, upload: StoredUpload, location: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.buckets.attachments,
        Key: location,
        CopySource: `${this.buckets.uploads}/${key.split('/').map(encodeURIComponent).join('/')}`,
        ...(upload.etag ? { CopySourceIfMatch: upload.etag } : {}),
        // As the mail intake stores files: the declared type, and "attachment" so a browser never renders one from our bucket.
        MetadataDirective: 'REPLACE',
        ContentType: upload.contentType,
        ContentDisposition: 'attachment',
        Metadata: { [FILE_NAME_METADATA]: encodeURIComponent(upload.fileName) },
      }),
    );
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.buckets.uploads, Key: key }));
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

let fromEnv: S3UploadStore | undefined;

/** The function's upload store; UPLOAD_S3_ENDPOINT points it at the local stand-in in `npm start`. */
export function s3UploadStoreFromEnv(): S3UploadStore {
  const endpoint = process.env[ENV.uploadS3Endpoint];
  fromEnv ??= new S3UploadStore(endpoint ? new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }) : s3Client(), {
    uploads: requiredEnv(ENV.uploadBucket),
    attachments: requiredEnv(ENV.mailBucket),
  });
  return fromEnv;
}
