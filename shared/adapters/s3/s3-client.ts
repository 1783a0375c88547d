import { S3Client } from '@aws-sdk/client-s3';

let client: S3Client | undefined;

/** One S3 client per cold start, shared by the function's S3 adapters. */
export function s3Client(): S3Client {
  client ??= new S3Client({});
  return client;
}
