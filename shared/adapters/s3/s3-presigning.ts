import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { extendedEncodeURIComponent } from '@smithy/core/protocols';
import { requiredEnv } from '../../environment.ts';

/** Where S3 is and who signs for it, for the requests, links and forms signed without an S3 client. */
export interface S3Signing {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** A path-style endpoint (the local stand-in of the buckets); without it, each bucket's virtual host on AWS. */
  endpoint?: string;
}

/** What a link or a form for one bucket is signed with. */
export interface S3PresigningOptions extends S3Signing {
  bucket: string;
  /** When a link or form is signed; its expiry counts from then. */
  now?: () => Date;
}

/**
 * The signing of a function: with an endpoint (`npm start`), the local stand-in and the
 * credentials it checks; without, the function's own role in its region.
 */
export function s3SigningFor(endpoint: string | undefined): S3Signing {
  return endpoint ? { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : { region: requiredEnv('AWS_REGION'), credentials: defaultProvider() };
}

/** The signing of a function for one bucket (see s3SigningFor). */
export function presigningFor(bucket: string, endpoint: string | undefined): S3PresigningOptions {
  return { bucket, ...s3SigningFor(endpoint) };
}

/** The object's URL: on the bucket's virtual host, or path-style under the endpoint. Each key segment is encoded as S3 reads a greedy label. */
export function objectUrl(options: Pick<S3Signing, 'region' | 'endpoint'>, bucket: string, key: string): URL {
  const path = key.split('/').map(extendedEncodeURIComponent).join('/');
  if (!options.endpoint) return new URL(`https://${bucket}.s3.${options.region}.amazonaws.com/${path}`);
  return new URL(`${options.endpoint.replace(/\/+$/, '')}/${bucket}/${path}`);
}
