import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ENV, requiredEnv } from '../../environment.ts';
import type { AttachmentLinks } from '../../ports/attachment-links.ts';
import { s3Client } from './s3-client.ts';

/**
 * Presigned GetObject URLs, signed with the function's own role, that download the file under its
 * name ("attachment", so a browser never renders what a sender declared as HTML).
 */
export class S3AttachmentLinks implements AttachmentLinks {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async downloadUrl(location: string, filename: string, expiresInSeconds: number): Promise<string> {
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: location, ResponseContentDisposition: contentDisposition(filename) });
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds });
  }
}

/** `attachment; filename="..."; filename*=UTF-8''...` (RFC 6266): an ASCII fallback and the exact name. */
export function contentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

let fromEnv: S3AttachmentLinks | undefined;

/** The function's link maker; S3_ENDPOINT points it at the local stand-in of the bucket in `npm start`. */
export function s3AttachmentLinksFromEnv(): S3AttachmentLinks {
  const endpoint = process.env[ENV.s3Endpoint];
  fromEnv ??= new S3AttachmentLinks(
    endpoint ? new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }) : s3Client(),
    requiredEnv(ENV.mailBucket),
  );
  return fromEnv;
}
