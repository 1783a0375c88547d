import { ENV, requiredEnv } from '../../environment.ts';
import { FILE_NAME_METADATA, type StoredUpload, type UploadStore } from '../../ports/upload-store.ts';
import { S3ObjectRequests, S3RequestError } from './s3-object-requests.ts';
import { s3SigningFor } from './s3-presigning.ts';

const METADATA_PREFIX = 'x-amz-meta-';

/**
 * Uploads in the upload bucket, moved into the attachments prefix of the ticket files bucket, with
 * HeadObject, CopyObject and DeleteObject as the S3 client sends them (see s3-object-requests.ts).
 */
export class S3UploadStore implements UploadStore {
  constructor(
    private readonly requests: Pick<S3ObjectRequests, 'send'>,
    private readonly buckets: { uploads: string; attachments: string },
  ) {}

  async find(key: string): Promise<StoredUpload | undefined> {
    try {
      const { headers } = await this.requests.send({ method: 'HEAD', bucket: this.buckets.uploads, key });
      const encodedName = headers.get(`${METADATA_PREFIX}${FILE_NAME_METADATA}`);
      return {
        size: Number(headers.get('content-length') ?? 0),
        contentType: headers.get('content-type') ?? 'application/octet-stream',
        fileName: encodedName ? safeDecode(encodedName) : 'attachment',
        etag: headers.get('etag') ?? '',
      };
    } catch (error) {
      // Without s3:ListBucket (not granted) S3 answers a missing key with 403 rather than 404.
      if (error instanceof S3RequestError && (error.statusCode === 404 || error.statusCode === 403)) return undefined;
      throw error;
    }
  }

  async copyToAttachments(key: string, upload: StoredUpload, location: string): Promise<void> {
    await this.requests.send({
      method: 'PUT',
      bucket: this.buckets.attachments,
      key: location,
      headers: {
        'x-amz-copy-source': `${this.buckets.uploads}/${key.split('/').map(encodeURIComponent).join('/')}`,
        ...(upload.etag ? { 'x-amz-copy-source-if-match': upload.etag } : {}),
        // As the mail intake stores files: the declared type, and "attachment" so a browser never renders one from our bucket.
        'x-amz-metadata-directive': 'REPLACE',
        'content-type': upload.contentType,
        'content-disposition': 'attachment',
        [`${METADATA_PREFIX}${FILE_NAME_METADATA}`]: encodeURIComponent(upload.fileName),
      },
    });
  }

  async remove(key: string): Promise<void> {
    await this.requests.send({ method: 'DELETE', bucket: this.buckets.uploads, key });
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The requests of uploads: UPLOAD_S3_ENDPOINT points them at the local stand-in in `npm start`. */
const uploadRequests = (): S3ObjectRequests => new S3ObjectRequests(s3SigningFor(process.env[ENV.uploadS3Endpoint]));

let fromEnv: S3UploadStore | undefined;

/** The function's upload store. */
export function s3UploadStoreFromEnv(): S3UploadStore {
  fromEnv ??= new S3UploadStore(uploadRequests(), { uploads: requiredEnv(ENV.uploadBucket), attachments: requiredEnv(ENV.mailBucket) });
  return fromEnv;
}
