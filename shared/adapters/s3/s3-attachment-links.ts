import { formatUrl } from '@aws-sdk/core/util';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { ENV, requiredEnv } from '../../environment.ts';
import type { AttachmentLinks } from '../../ports/attachment-links.ts';
import { objectUrl, presigningFor, type S3PresigningOptions } from './s3-presigning.ts';

/**
 * Presigned GetObject URLs, signed with the function's own role, that download the file under its
 * name ("attachment", so a browser never renders what a sender declared as HTML).
 *
 * The request is built here and signed by the SDK's S3 presigner: a download link needs no call to
 * S3, and the S3 client it would otherwise be built from (its models, XML protocol and checksums)
 * is about 180 KB of the route's bundle. The link is the one `getSignedUrl` makes for the same
 * GetObject (test/unit/adapters/s3-attachment-links.test.ts compares them).
 */
export class S3AttachmentLinks implements AttachmentLinks {
  private readonly presigner: S3RequestPresigner;

  constructor(private readonly options: S3PresigningOptions) {
    this.presigner = new S3RequestPresigner({ credentials: options.credentials, region: options.region, sha256: Sha256 });
  }

  async downloadUrl(location: string, filename: string, expiresInSeconds: number): Promise<string> {
    const signingDate = this.options.now?.() ?? new Date();
    return formatUrl(await this.presigner.presign(this.getObjectRequest(location, filename), { expiresIn: expiresInSeconds, signingDate }));
  }

  private getObjectRequest(location: string, filename: string): HttpRequest {
    const url = objectUrl(this.options, this.options.bucket, location);
    const query = { 'response-content-disposition': contentDisposition(filename), 'x-id': 'GetObject' };
    return new HttpRequest({ method: 'GET', protocol: url.protocol, hostname: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), path: url.pathname, query, headers: {} });
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
  fromEnv ??= new S3AttachmentLinks(presigningFor(requiredEnv(ENV.mailBucket), process.env[ENV.s3Endpoint]));
  return fromEnv;
}
