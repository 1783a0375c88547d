import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { describeRawMailLocation, MAX_RAW_MAIL_BYTES, RawMailNotFoundError, RawMailTooLargeError, type RawMailLocation, type RawMailStore } from '../../ports/raw-mail-store.ts';
import { s3Client } from './s3-client.ts';

export interface S3RawMailStoreOptions {
  /** Messages larger than this are refused; MAX_RAW_MAIL_BYTES (SES's 40 MB) by default. */
  maxBytes?: number;
}

/**
 * Raw mail as SES's S3 action stored it, read with GetObject. The size is checked three times:
 * against the notification's size, the response's Content-Length and the bytes actually read, so a
 * message over the limit is never held in memory whole when S3 says how large it is.
 */
export class S3RawMailStore implements RawMailStore {
  private readonly maxBytes: number;

  constructor(
    private readonly client: S3Client,
    options: S3RawMailStoreOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? MAX_RAW_MAIL_BYTES;
  }

  async get(location: RawMailLocation): Promise<Buffer> {
    if (location.size !== undefined && location.size > this.maxBytes) throw new RawMailTooLargeError(location, location.size, this.maxBytes);

    let output;
    try {
      output = await this.client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
    } catch (error) {
      // Only with s3:ListBucket does S3 answer a missing key with NoSuchKey; without it, AccessDenied (thrown as is).
      if (error instanceof NoSuchKey) throw new RawMailNotFoundError(location, { cause: error });
      throw error;
    }

    const body = output.Body;
    if (!body) throw new Error(`Raw mail ${describeRawMailLocation(location)} came back from S3 without a body`);
    if (output.ContentLength !== undefined && output.ContentLength > this.maxBytes) {
      discard(body);
      throw new RawMailTooLargeError(location, output.ContentLength, this.maxBytes);
    }

    const bytes = await body.transformToByteArray();
    if (bytes.byteLength > this.maxBytes) throw new RawMailTooLargeError(location, bytes.byteLength, this.maxBytes);
    // A view on the same memory: a 40 MB message is not copied a second time.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

/** An unread response body keeps its socket busy until it is consumed or destroyed; destroy it. */
function discard(body: unknown): void {
  const destroy = (body as { destroy?: unknown }).destroy;
  if (typeof destroy === 'function') destroy.call(body);
}

let fromEnv: S3RawMailStore | undefined;

/** The function's raw mail store: one S3 client per cold start. */
export function s3RawMailStoreFromEnv(): S3RawMailStore {
  fromEnv ??= new S3RawMailStore(s3Client());
  return fromEnv;
}
