import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsRequestError } from '../aws-http/aws-request-error.ts';
import { lostOnTheWay, retrying } from '../aws-http/retrying.ts';
import { signedFetch } from '../aws-http/signed-fetch.ts';
import { objectUrl, s3SigningFor, type S3Signing } from './s3-presigning.ts';

export interface S3ObjectRequestOptions extends S3Signing {
  /** Tries of one call, the first included, as the SDK's standard retry mode (3). */
  maxAttempts?: number;
}

/** A request about one object: HeadObject, PutObject (a PUT with a body), CopyObject (a PUT with `x-amz-copy-source`) or DeleteObject. */
export interface S3ObjectRequest {
  method: 'HEAD' | 'PUT' | 'DELETE';
  bucket: string;
  key: string;
  headers?: Record<string, string>;
  /** PutObject's content; the signature covers its SHA-256, which S3 checks. */
  body?: Uint8Array;
}

export interface S3ObjectAnswer {
  status: number;
  headers: Headers;
}

/** GetObject's answer with its body still to be read, or cancelled to free the connection. */
export interface S3ObjectContent extends S3ObjectAnswer {
  body: ReadableStream<Uint8Array>;
}

/** S3's refusal of a request, named by its error code (`NoSuchKey`, `PreconditionFailed`). */
export class S3RequestError extends AwsRequestError {}

const RETRIED_ERRORS = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout']);

/**
 * How long a call that carries a whole object (GetObject, PutObject) may take, its body included:
 * a 40 MB mail within the intake's 10 s timeout. The other calls have signedFetch's 5 s.
 */
const TRANSFER_TIMEOUT_MS = 9_000;

/**
 * Requests about single objects as the S3 client sends them (its REST protocol), signed by the
 * SDK's SigV4 signer. The routes that attach uploaded files make three such calls and the mail
 * intake two (it reads each mail and stores its files); the S3 client would add about 100 KB of
 * models, XML protocol and checksums to each of them, and 20 ms to the intake's cold start.
 * test/unit/adapters/s3-object-requests.test.ts sends the same calls with the S3 client and
 * compares what arrives. The SDK would also compare a GetObject body with S3's CRC of it; here TLS
 * and the length guard the bytes, and a PutObject body with the SHA-256 the signature covers.
 */
export class S3ObjectRequests {
  private readonly signer: SignatureV4;
  private readonly maxAttempts: number;

  constructor(private readonly options: S3ObjectRequestOptions) {
    // S3 signs the path as sent: its segments are encoded once, not again for the signature.
    this.signer = new SignatureV4({ service: 's3', region: options.region, credentials: options.credentials, sha256: Sha256, uriEscapePath: false });
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  send(request: S3ObjectRequest): Promise<S3ObjectAnswer> {
    return retrying(() => this.sendOnce(request), { maxAttempts: this.maxAttempts, retried });
  }

  /** GetObject: tried again until S3 answers with the object; reading the body is the caller's, within the transfer's time. */
  get(bucket: string, key: string): Promise<S3ObjectContent> {
    return retrying(
      async () => {
        const response = await signedFetch(this.signer, objectUrl(this.options, bucket, key), { method: 'GET', headers: {}, timeoutMs: TRANSFER_TIMEOUT_MS });
        if (!response.ok || response.body === null) throw errorOf(response.status, await response.text());
        return { status: response.status, headers: response.headers, body: response.body };
      },
      { maxAttempts: this.maxAttempts, retried },
    );
  }

  private async sendOnce(request: S3ObjectRequest): Promise<S3ObjectAnswer> {
    const url = objectUrl(this.options, request.bucket, request.key);
    const response = await signedFetch(this.signer, url, {
      method: request.method,
      // The length is signed as the S3 client signs it; fetch sends the same from the body.
      headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-length': String(request.body.byteLength) }) },
      ...(request.body === undefined ? {} : { body: request.body, timeoutMs: TRANSFER_TIMEOUT_MS }),
    });
    const body = request.method === 'HEAD' ? '' : await response.text();
    // A copy can fail after S3 has answered 200: the error is then the body.
    if (response.ok && !/^\s*(<\?xml[^>]*>\s*)?<Error>/.test(body)) return { status: response.status, headers: response.headers };
    throw errorOf(response.status, body);
  }
}

let withRole: S3ObjectRequests | undefined;

/** The object calls of a function on AWS, signed with its role in its region: one per cold start, for its S3 adapters. */
export function s3ObjectRequestsWithRole(): S3ObjectRequests {
  withRole ??= new S3ObjectRequests(s3SigningFor(undefined));
  return withRole;
}

/** S3's XML error (`<Error><Code>…</Code><Message>…</Message>`); a HEAD answer has no body, so its status names it. */
function errorOf(status: number, body: string): S3RequestError {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? (status === 404 ? 'NotFound' : status === 403 ? 'Forbidden' : status >= 500 ? 'InternalError' : 'UnknownError');
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? `S3 answered ${status}`;
  return new S3RequestError(code, message, status);
}

/** Throttling, S3's own failures (a 200 with an error body among them) and a lost connection are tried again; a refusal is not. */
function retried(error: unknown): boolean {
  if (error instanceof S3RequestError) return error.statusCode >= 500 || RETRIED_ERRORS.has(error.name);
  return lostOnTheWay(error);
}
