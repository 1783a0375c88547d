import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { stageSettings } from '../../infra/stage.ts';
import { UploadBucket } from '../../infra/upload-bucket.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '#config';
import { configWithoutMail } from './config-without-mail.ts';
import { buildTestApp, SYNTH_TIMEOUT_MS, TEST_ENV } from './build-test-app.ts';

const { account, region } = TEST_ENV;

let service: Template;
let statefulWithMail: Template;
let statefulWithoutMail: Template;

beforeAll(() => {
  const built = buildTestApp({ skipBundling: true });
  service = Template.fromStack(built.service);
  statefulWithMail = Template.fromStack(built.stateful);
  // A desk without a mailbox cannot mail one-time codes either.
  const withoutMail = configWithoutMail({ ...rawConfig.signIn, emailCode: false });
  statefulWithoutMail = Template.fromStack(buildTestApp({ skipBundling: true, config: withoutMail }).stateful);
}, SYNTH_TIMEOUT_MS);

describe('the upload bucket', () => {
  it('is private, TLS only and encrypted, and deletes uploads (and unfinished multipart uploads) after a day', () => {
    service.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketName: `service-desk-test-uploads-${account}-${region}`,
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LifecycleConfiguration: { Rules: [{ Id: 'expire-uploads', Prefix: 'uploads/', ExpirationInDays: 1, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }] },
      }),
    });
    service.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it("lets browsers post to it from the distribution's origin and the stage's local origin only", () => {
    const [bucket] = Object.values(service.findResources('AWS::S3::Bucket', { Properties: { BucketName: `service-desk-test-uploads-${account}-${region}` } }));
    const [rule] = bucket!.Properties.CorsConfiguration.CorsRules;
    expect(rule.AllowedMethods).toEqual(['POST']);
    expect(rule.AllowedOrigins).toHaveLength(2);
    expect(JSON.stringify(rule.AllowedOrigins[0])).toMatch(/"https:\/\/".*WebDistribution.*DomainName/);
    expect(rule.AllowedOrigins[1]).toBe('http://localhost:3000');
  });

  it("takes the origins it is given (the CloudFront distribution's)", () => {
    const stack = new Stack(new App(), 'Uploads', { env: TEST_ENV });
    new UploadBucket(stack, 'Uploads', { settings: stageSettings('test'), webOrigins: ['https://desk.example.com'] });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: ['https://desk.example.com'] })] },
    });
  });

  it('names the buckets in the environment of exactly the functions that use them', () => {
    const functions = service.findResources('AWS::Lambda::Function');
    const withVariable = (name: string) =>
      Object.values(functions)
        .filter((fn) => fn.Properties.Environment?.Variables?.[name] !== undefined)
        .map((fn) => String(fn.Properties.FunctionName).replace('service-desk-test-', ''))
        .sort();
    expect(withVariable('UPLOAD_BUCKET')).toEqual(['add-comment', 'create-ticket', 'create-upload']);
    expect(withVariable('MAIL_BUCKET')).toEqual(['add-comment', 'create-ticket', 'email-intake', 'get-attachment']);
  });
});

describe('the ticket files bucket', () => {
  it('exists whether or not the desk receives mail, retained, with raw mail expiry only with mail', () => {
    for (const template of [statefulWithMail, statefulWithoutMail]) {
      template.hasResource('AWS::S3::Bucket', { Properties: Match.objectLike({ BucketName: `service-desk-test-mail-${account}-${region}` }), DeletionPolicy: 'Retain' });
    }
    const [withoutMailBucket] = Object.values(statefulWithoutMail.findResources('AWS::S3::Bucket'));
    expect(withoutMailBucket!.Properties.LifecycleConfiguration).toBeUndefined();
    statefulWithoutMail.resourceCountIs('AWS::SES::ReceiptRule', 0);
  });

  it('keeps the logical ids it had while the email intake made it, so deployed stacks keep their bucket', () => {
    expect(Object.keys(statefulWithMail.findResources('AWS::S3::Bucket'))).toEqual(['EmailIntakeRawMail5612E5C4']);
    expect(Object.keys(statefulWithMail.findResources('AWS::S3::BucketPolicy'))).toEqual(['EmailIntakeRawMailPolicy416BE8EC']);
    expect(Object.keys(statefulWithMail.findResources('Custom::S3BucketNotifications'))).toEqual(['EmailIntakeRawMailNotificationsCA185106']);
  });
});
