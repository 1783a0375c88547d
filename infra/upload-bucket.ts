import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { UPLOAD_PREFIX } from '../shared/ports/upload-store.ts';
import type { StageSettings } from './stage.ts';

/** The upload bucket's name: fixed per stage, account and region, like the ticket files bucket's. */
export function uploadBucketName(stack: Stack, stage: string): string {
  return `service-desk-${stage}-uploads-${stack.account}-${stack.region}`;
}

export interface UploadBucketProps {
  settings: StageSettings;
  /** Origins of the web app whose browsers post files here (CORS); the web client's callback origins by default. */
  webOrigins?: readonly string[];
}

/**
 * Where browsers send files with the API's presigned form posts, until a new ticket or reply
 * attaches them (they are then moved to the ticket files bucket). Private, TLS only, encrypted;
 * what is never attached is deleted after a day. It holds nothing worth keeping, so it goes with
 * the stack.
 */
export class UploadBucket extends Construct {
  readonly bucket: Bucket;
  readonly webOrigins: readonly string[];

  constructor(scope: Construct, id: string, props: UploadBucketProps) {
    super(scope, id);
    this.webOrigins = props.webOrigins ?? [...new Set(props.settings.callbackUrls.map((url) => new URL(url).origin))];
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: uploadBucketName(Stack.of(this), props.settings.stage),
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      lifecycleRules: [{ id: 'expire-uploads', prefix: UPLOAD_PREFIX, expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // A form post is a simple CORS request: no preflight, but the answer must allow the origin.
      cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: [...this.webOrigins], allowedHeaders: ['*'], exposedHeaders: ['ETag', 'Location'], maxAge: 3000 }],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Uploads live a day at most before they are attached or expire; the API logs who asked for each upload and the ticket records who attached it.',
    });
  }
}
