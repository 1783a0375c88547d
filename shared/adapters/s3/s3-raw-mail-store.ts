import { MAX_RAW_MAIL_BYTES, RawMailNotFoundError, RawMailTooLargeError, type RawMailLocation, type RawMailStore } from '../../ports/raw-mail-store.ts';
import { s3ObjectRequestsWithRole, S3RequestError, type S3ObjectRequests } from './s3-object-requests.ts';

export interface S3RawMailStoreOptions {
  /** Messages larger than this are refused; MAX_RAW_MAIL_BYTES (SES's 40 MB) by default. */
  maxBytes?: number;
}

/**
 * Raw mail as SES's S3 action stored it, read with GetObject. The size is checked three times:
 * against the notification's size, the response's Content-Length and the bytes actually read, so a
 * message over the limit is never held in memory whole.
 */
export class S3RawMailStore implements RawMailStore {
  private readonly maxBytes: number;

  constructor(
    private readonly requests: Pick<S3ObjectRequests, 'get'>,
    options: S3RawMailStoreOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? MAX_RAW_MAIL_BYTES;
  }

  async get(location: RawMailLocation): Promise<Buffer> {
    if (location.size !== undefined && location.size > this.maxBytes) throw new RawMailTooLargeError(location, location.size, this.maxBytes);

    let content;
    try {
      content = await this.requests.get(location.bucket, location.key);
    } catch (error) {
      // Only with s3:ListBucket does S3 answer a missing key with NoSuchKey; without it, AccessDenied (thrown as is).
      if (error instanceof S3RequestError && error.name === 'NoSuchKey') throw new RawMailNotFoundError(location, { cause: error });
      throw error;
    }

    const length = content.headers.get('content-length');
    if (length !== null && Number(length) > this.maxBytes) {
      // An unread body keeps its connection busy until it is cancelled.
      await content.body.cancel();
      throw new RawMailTooLargeError(location, Number(length), this.maxBytes);
    }
    return readUpTo(content.body, this.maxBytes, (size) => new RawMailTooLargeError(location, size, this.maxBytes));
  }
}

/** The whole body when it is at most `maxBytes`; past that its bytes are counted, not kept, for the error. */
async function readUpTo(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: (size: number) => Error): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size <= maxBytes) chunks.push(chunk);
    else chunks.length = 0;
  }
  if (size > maxBytes) throw tooLarge(size);
  return Buffer.concat(chunks, size);
}

let fromEnv: S3RawMailStore | undefined;

/** The function's raw mail store. */
export function s3RawMailStoreFromEnv(): S3RawMailStore {
  fromEnv ??= new S3RawMailStore(s3ObjectRequestsWithRole());
  return fromEnv;
}
