import { CopyObjectCommand, DeleteObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { ENV, requiredEnv } from '../../environment.ts';
import { FILE_NAME_METADATA, type StoredUpload, type UploadStore } from '../../ports/upload-store.ts';
import { s3Client } from './s3-client.ts';

/** Uploads in the upload bucket, moved into the attachments prefix of the ticket files bucket. */
export class S3UploadStore implements UploadStore {
  constructor(
    private readonly client: S3Client,
    private readonly buckets: { uploads: string; attachments: string },
  ) {}

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

/** The S3 client of uploads: UPLOAD_S3_ENDPOINT points it at the local stand-in in `npm start`. */
function uploadS3Client(): S3Client {
  const endpoint = process.env[ENV.uploadS3Endpoint];
  return endpoint ? new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }) : s3Client();
}

let fromEnv: S3UploadStore | undefined;

/** The function's upload store. */
export function s3UploadStoreFromEnv(): S3UploadStore {
  fromEnv ??= new S3UploadStore(uploadS3Client(), { uploads: requiredEnv(ENV.uploadBucket), attachments: requiredEnv(ENV.mailBucket) });
  return fromEnv;
}
