import { ENV, requiredEnv } from '../../environment.ts';
import type { AttachmentStore } from '../../ports/attachment-store.ts';
import { s3ObjectRequestsWithRole, type S3ObjectRequests } from './s3-object-requests.ts';

/** Attachments as objects in the mail bucket (encrypted by the bucket's default encryption), put with PutObject as the S3 client sends it. */
export class S3AttachmentStore implements AttachmentStore {
  constructor(
    private readonly requests: Pick<S3ObjectRequests, 'send'>,
    private readonly bucket: string,
  ) {}

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    // The type is what the sender declared; "attachment" keeps a browser from rendering, say, HTML from our bucket.
    await this.requests.send({ method: 'PUT', bucket: this.bucket, key, headers: { 'content-type': contentType, 'content-disposition': 'attachment' }, body: content });
  }
}

let fromEnv: S3AttachmentStore | undefined;

/** The function's attachment store. */
export function s3AttachmentStoreFromEnv(): S3AttachmentStore {
  fromEnv ??= new S3AttachmentStore(s3ObjectRequestsWithRole(), requiredEnv(ENV.mailBucket));
  return fromEnv;
}
