import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ENV, requiredEnv } from '../../environment.ts';
import type { AttachmentStore } from '../../ports/attachment-store.ts';
import { s3Client } from './s3-client.ts';

/** Attachments as objects in the mail bucket (encrypted by the bucket's default encryption). */
export class S3AttachmentStore implements AttachmentStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    // The type is what the sender declared; "attachment" keeps a browser from rendering, say, HTML from our bucket.
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentType: contentType, ContentDisposition: 'attachment', ContentLength: content.length }));
  }
}

let fromEnv: S3AttachmentStore | undefined;

/** The function's attachment store: one S3 client per cold start. */
export function s3AttachmentStoreFromEnv(): S3AttachmentStore {
  fromEnv ??= new S3AttachmentStore(s3Client(), requiredEnv(ENV.mailBucket));
  return fromEnv;
}
