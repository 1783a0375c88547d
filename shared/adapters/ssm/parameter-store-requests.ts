import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsRequestError } from '../aws-http/aws-request-error.ts';
import { lostOnTheWay, retrying } from '../aws-http/retrying.ts';
import { signedFetch } from '../aws-http/signed-fetch.ts';

/** The Parameter Store operations the desk calls. */
export type ParameterStoreOperation = 'GetParameter' | 'PutParameter';

export interface ParameterStoreRequestOptions {
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Another endpoint than the region's (tests); without it, `https://ssm.<region>.amazonaws.com`. */
  endpoint?: string;
  /** Tries of one call, the first included, as the SDK's standard retry mode (3). */
  maxAttempts?: number;
}

/** Parameter Store's answer to a failed call, named by its error type (`ParameterNotFound`). */
export class ParameterStoreError extends AwsRequestError {}

const RETRIED_ERRORS = new Set(['ThrottlingException', 'TooManyUpdates', 'InternalServerError', 'RequestTimeout']);

/**
 * Calls to Parameter Store as the SSM client sends them (its JSON 1.1 protocol: a POST of the input
 * to `/` naming the operation in `X-Amz-Target`), signed by the SDK's SigV4 signer. The desk makes
 * two calls there, at a cold start, for its signing key; the SSM client would add its models of
 * every SSM operation, about 77 KB, to each function that reads the key.
 * test/unit/adapters/parameter-store-requests.test.ts sends the same calls with the SSM client and
 * compares what arrives.
 */
export class ParameterStoreRequests {
  private readonly signer: SignatureV4;
  private readonly url: URL;
  private readonly maxAttempts: number;

  constructor(options: ParameterStoreRequestOptions) {
    this.signer = new SignatureV4({ service: 'ssm', region: options.region, credentials: options.credentials ?? defaultProvider(), sha256: Sha256 });
    this.url = new URL(options.endpoint ?? `https://ssm.${options.region}.amazonaws.com`);
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  send<Output>(operation: ParameterStoreOperation, input: Record<string, unknown>): Promise<Output> {
    return retrying(() => this.sendOnce<Output>(operation, input), { maxAttempts: this.maxAttempts, retried });
  }

  private async sendOnce<Output>(operation: ParameterStoreOperation, input: Record<string, unknown>): Promise<Output> {
    const body = JSON.stringify(input);
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonSSM.${operation}`, 'content-length': String(Buffer.byteLength(body)) };
    const response = await signedFetch(this.signer, new URL('/', this.url), { method: 'POST', headers, body });
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : {}) as Output;
    throw errorOf(response.status, text, response.headers.get('x-amzn-errortype'));
  }
}

/** The error a failed answer names: `__type` (maybe with its namespace, `com.amazonaws.ssm#...`), else the header. */
function errorOf(status: number, text: string, headerType: string | null): ParameterStoreError {
  let parsed: { __type?: unknown; message?: unknown; Message?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON (a proxy's page): the status says what happened.
  }
  const type = String(parsed.__type ?? headerType ?? (status >= 500 ? 'InternalServerError' : 'UnknownError'));
  const name = type.slice(type.lastIndexOf('#') + 1).split(':')[0]!;
  return new ParameterStoreError(name, String(parsed.message ?? parsed.Message ?? `Parameter Store answered ${status}`), status);
}

/** Throttling, Parameter Store's own failures and a lost connection are tried again; a refused request is not. */
function retried(error: unknown): boolean {
  if (error instanceof ParameterStoreError) return error.statusCode >= 500 || RETRIED_ERRORS.has(error.name);
  return lostOnTheWay(error);
}
