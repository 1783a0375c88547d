import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAFF_GROUPS } from '../../shared/auth/scopes.ts';
import { TABLE_INDEXES, TTL_ATTRIBUTE } from '../../shared/store/table-definition.ts';
import rawConfig from '#config';
import { buildTestApp, SYNTH_TIMEOUT_MS } from './build-test-app.ts';

let template: Template;

beforeAll(() => {
  // The stateful stack has no assets, so skipping bundling changes nothing here.
  const { stateful } = buildTestApp({ skipBundling: true });
  template = Template.fromStack(stateful);
}, SYNTH_TIMEOUT_MS);

describe('table', () => {
  it('keys the table by PK/SK and builds GSI1..GSI4 from the shared table definition', () => {
    expect(TABLE_INDEXES.map((index) => index.indexName)).toEqual(['GSI1', 'GSI2', 'GSI3', 'GSI4']);
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      AttributeDefinitions: Match.arrayWith(
        ['PK', 'SK', ...TABLE_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey])].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
      ),
    });
  });

  it('bills on demand, streams new and old images and expires items by the TTL attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('protects the data: point-in-time recovery, deletion protection and Retain', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });
});

describe('user pool', () => {
  it('signs in by email, lets people sign themselves up (the trigger decides who) and enforces a strong password', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: false }),
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        DeletionProtection: 'ACTIVE',
      }),
    });
  });

  it('offers TOTP as an optional second factor and runs threat protection on the Plus plan', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('runs on the Essentials plan without threat protection when the configuration chooses it', () => {
    const { stateful } = buildTestApp({ skipBundling: true, config: { ...rawConfig, signIn: { ...rawConfig.signIn, featurePlan: 'essentials' } } });
    Template.fromStack(stateful).hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      UserPoolTier: 'ESSENTIALS',
      UserPoolAddOns: Match.absent(),
    });
  });

  it.each(STAFF_GROUPS)('creates the %s group', (group) => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
  });

  it('creates only the staff groups', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', STAFF_GROUPS.length);
  });

  it('declares the servicedesk resource server with the tickets.read and tickets.write scopes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'servicedesk',
      Scopes: [Match.objectLike({ ScopeName: 'tickets.read' }), Match.objectLike({ ScopeName: 'tickets.write' })],
    });
  });

  it('leaves the client for people to the service stack, beside the distribution its URLs name', () => {
    template.resourcePropertiesCountIs('AWS::Cognito::UserPoolClient', { ClientName: 'service-desk-test-web' }, 0);
  });

  it('gives machines a client credentials client with a secret and both API scopes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'service-desk-test-machine',
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['tickets.read', 'tickets.write'].map((scope) => ({
        'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('ResourceServer') }, `/${scope}`]],
      })),
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it('hosts the OAuth endpoints on a domain prefix derived from the stage and the stack id', () => {
    const domains = template.findResources('AWS::Cognito::UserPoolDomain');
    expect(Object.keys(domains)).toHaveLength(1);
    const domain = JSON.stringify(Object.values(domains)[0]);
    expect(domain).toContain('servicedesk');
    expect(domain).toContain('test');
    expect(domain).toContain('AWS::StackId');
  });
});

describe('email intake', () => {
  it('keeps raw mail in an encrypted, private bucket that expires it and survives the stack', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LifecycleConfiguration: { Rules: [Match.objectLike({ Prefix: 'inbound/', ExpirationInDays: 365, Status: 'Enabled' })] },
      },
      DeletionPolicy: 'Retain',
    });
  });

  it('refuses every request to the mail bucket and its objects that does not use TLS, and disables ACLs', () => {
    const bucketArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^EmailIntakeRawMail'), 'Arn'] };
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/*']] }],
          },
        ]),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
  });

  it('receives mail for the whole desk domain into the bucket, with spam and virus scanning', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Recipients: ['desk.example.com'],
        ScanEnabled: true,
        Actions: [{ S3Action: Match.objectLike({ ObjectKeyPrefix: 'inbound/' }) }],
      }),
    });
  });

  it('queues every stored mail for the intake, with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'service-desk-test-email-intake',
      VisibilityTimeout: 60,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { QueueConfigurations: [Match.objectLike({ Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbound/' }] } } })] },
    });
  });
});
