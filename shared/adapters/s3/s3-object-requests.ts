import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsRequestError } from '../aws-http/aws-request-error.ts';
import { lostOnTheWay, retrying } from '../aws-http/retrying.ts';
import { signedFetch } from '../aws-http/signed-fetch.ts';
import { objectUrl, type S3Signing } from './s3-presigning.ts';

export interface S3ObjectRequestOptions extends S3Signing {
  /** Tries of one call, the first included, as the SDK's standard retry mode (3). */
  maxAttempts?: number;
}

/** A request about one object: HeadObject, CopyObject (a PUT with `x-amz-copy-source`) or DeleteObject. */
export interface S3ObjectRequest {
  method: 'HEAD' | 'PUT' | 'DELETE';
  bucket: string;
  key: string;
  headers?: Record<string, string>;
}

export interface S3ObjectAnswer {
  status: number;
  headers: Headers;
}

/** S3's refusal of a request, named by its error code (`NoSuchKey`, `PreconditionFailed`). */
export class S3RequestError extends AwsRequestError {}

const RETRIED_ERRORS = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout']);

/**
 * Requests about single objects as the S3 client sends them (its REST protocol), signed by the
 * SDK's SigV4 signer. The routes that attach uploaded files make three such calls; the S3 client
 * would add about 100 KB of models, XML protocol and checksums to each of them.
 * test/unit/adapters/s3-object-requests.test.ts sends the same calls with the S3 client and
 * compares what arrives.
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

  private async sendOnce(request: S3ObjectRequest): Promise<S3ObjectAnswer> {
    const response = await signedFetch(this.signer, objectUrl(this.options, request.bucket, request.key), { method: request.method, headers: request.headers ?? {} });
    const body = request.method === 'HEAD' ? '' : await response.text();
    // A copy can fail after S3 has answered 200: the error is then the body.
    if (response.ok && !/^\s*(<\?xml[^>]*>\s*)?<Error>/.test(body)) return { status: response.status, headers: response.headers };
    throw errorOf(response.status, body);
  }
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
