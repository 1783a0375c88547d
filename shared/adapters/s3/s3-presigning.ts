import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { requiredEnv } from '../../environment.ts';

/** What a link or a form for one bucket is signed with, without an S3 client. */
export interface S3PresigningOptions {
  bucket: string;
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** A path-style endpoint (the local stand-in of the bucket); without it, the bucket's virtual host on AWS. */
  endpoint?: string;
  /** When a link or form is signed; its expiry counts from then. */
  now?: () => Date;
}

/**
 * The signing of a function for one bucket: with an endpoint (`npm start`), the local stand-in and
 * the credentials it checks; without, the function's own role in its region.
 */
export function presigningFor(bucket: string, endpoint: string | undefined): S3PresigningOptions {
  return endpoint ? { bucket, endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : { bucket, region: requiredEnv('AWS_REGION'), credentials: defaultProvider() };
}
