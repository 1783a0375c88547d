import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '#config';
import { configWithoutMail } from './config-without-mail.ts';
import { ConfigError } from '../../shared/config/config-error.ts';
import { buildApp } from '../../infra/service-desk-app.ts';
import { buildTestApp, SYNTH_TIMEOUT_MS, testWebAppDirectory, TEST_ENV, type TemplateResource } from './build-test-app.ts';

const IDENTITY_PROVIDERS = [
  {
    id: 'entra',
    name: 'Example Corp (Entra ID)',
    type: 'oidc',
    issuerUrl: 'https://login.microsoftonline.com/tenant-id/v2.0',
    clientId: 'entra-client-id',
    clientSecretName: 'service-desk/entra-client-secret',
    emailDomains: ['Example.com', '@corp.example.com'],
  },
  { id: 'okta', name: 'Partner (Okta)', type: 'saml', metadataUrl: 'https://partner.okta.com/app/metadata', emailDomains: ['partner.example.net'] },
] as const;

let stateful: Template;
let service: Template;
let statefulResources: Record<string, TemplateResource>;
let outdir: string;

beforeAll(() => {
  const built = buildTestApp({ skipBundling: true, config: { ...rawConfig, signIn: { ...rawConfig.signIn, identityProviders: IDENTITY_PROVIDERS } } });
  stateful = Template.fromStack(built.stateful);
  service = Template.fromStack(built.service);
  statefulResources = stateful.toJSON().Resources;
  outdir = built.app.synth().directory;
}, SYNTH_TIMEOUT_MS);

const idOf = (resources: Record<string, TemplateResource>, type: string, prefix: string): string => {
  const ids = Object.entries(resources)
    .filter(([id, resource]) => resource.Type === type && id.startsWith(prefix))
    .map(([id]) => id);
  expect(ids, `${type} ${prefix}`).toHaveLength(1);
  return ids[0]!;
};

describe('signing up and in', () => {
  it('lets people sign themselves up and confirm their address with a mailed code', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: false }),
      AutoVerifiedAttributes: ['email'],
      VerificationMessageTemplate: Match.objectLike({ DefaultEmailOption: 'CONFIRM_WITH_CODE' }),
    });
  });

  it("mails through SES as the desk's address, verified by its domain", () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'Example Service Desk <support@desk.example.com>',
        SourceArn: `arn:aws:ses:${TEST_ENV.region}:${TEST_ENV.account}:identity/desk.example.com`,
      },
    });
  });

  it('offers a mailed one-time code as a first factor beside the password', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', { Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } }) });
  });

  it('serves the newer managed login on the pool domain', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
  });
});

describe('pre-sign-up trigger', () => {
  it('runs before every sign-up, invoked by Cognito for this pool only', () => {
    const fn = idOf(statefulResources, 'AWS::Lambda::Function', 'PreSignUp');
    stateful.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: { 'Fn::GetAtt': [fn, 'Arn'] } } });
    stateful.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [idOf(statefulResources, 'AWS::Cognito::UserPool', 'UserPool'), 'Arn'] },
    });
    expect(statefulResources[fn]!.Properties).toMatchObject({
      FunctionName: 'service-desk-test-pre-sign-up',
      Timeout: 5,
      Environment: { Variables: { TABLE_NAME: { Ref: idOf(statefulResources, 'AWS::DynamoDB::GlobalTable', 'Table') } } },
    });
  });

  it('may get single invitation items of the table and nothing else of it', () => {
    const fn = idOf(statefulResources, 'AWS::Lambda::Function', 'PreSignUp');
    const role = statefulResources[fn]!.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(statefulResources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy' && resource.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Condition?: unknown }[]);
    const table = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('dynamodb:')));
    expect(table).toEqual([
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: { 'Fn::GetAtt': [idOf(statefulResources, 'AWS::DynamoDB::GlobalTable', 'Table'), 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['INVITATION#*'] } },
      },
    ]);
    // Besides that, its own logs only.
    expect(statements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual(['dynamodb:GetItem', 'logs:CreateLogStream', 'logs:PutLogEvents']);
  });
});

describe('federated identity providers', () => {
  it('adds an OIDC provider with its secret read from Secrets Manager at deploy time, email mapped and its domains routed to it', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'entra',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: 'entra-client-id',
        client_secret: '{{resolve:secretsmanager:service-desk/entra-client-secret:SecretString:::}}',
        oidc_issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
        authorize_scopes: 'openid email profile',
      }),
      AttributeMapping: { email: 'email', email_verified: 'email_verified' },
      IdpIdentifiers: ['example.com', 'corp.example.com'],
    });
  });

  it('adds a SAML provider from its metadata URL with the email attribute mapped', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'okta',
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({ MetadataURL: 'https://partner.okta.com/app/metadata' }),
      AttributeMapping: { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' },
      IdpIdentifiers: ['partner.example.net'],
    });
  });

  it('offers them on the web client beside Cognito sign-in', () => {
    service.hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: 'service-desk-test-web', SupportedIdentityProviders: ['COGNITO', 'entra', 'okta'] });
  });

  it('names them in config.json, with what the app needs to sign in', () => {
    const configFiles = readdirSync(outdir)
      .map((entry) => join(outdir, entry, 'config.json'))
      .filter((file) => existsSync(file));
    expect(configFiles).toHaveLength(1);
    const config = JSON.parse(readFileSync(configFiles[0]!, 'utf8'));
    expect(config).toEqual({
      apiBaseUrl: '/api',
      auth: {
        authority: expect.stringMatching(new RegExp(`^https://cognito-idp\\.${TEST_ENV.region}\\.amazonaws\\.com/<<marker:0xbaba:0>>$`)),
        clientId: '<<marker:0xbaba:1>>',
        domain: expect.stringMatching(new RegExp(`^https://<<marker:0xbaba:2>>\\.auth\\.${TEST_ENV.region}\\.amazoncognito\\.com$`)),
        redirectPath: '/auth/callback',
        signOutPath: '/signed-out',
      },
      identityProviders: [
        { id: 'entra', name: 'Example Corp (Entra ID)' },
        { id: 'okta', name: 'Partner (Okta)' },
      ],
    });
  });
});

describe('one-time codes need SES', () => {
  const withoutMail = configWithoutMail;

  it('refuses a desk without a mailbox that offers codes, naming signIn.emailCode and both fixes, before building any stack', () => {
    const app = new App();
    let thrown: unknown;
    try {
      buildApp(app, { config: withoutMail({ emailCode: true }), nag: false, webAppDirectory: testWebAppDirectory() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toMatch(/signIn\.emailCode: .*set email\.address .*or set signIn\.emailCode to false/);
    expect(app.node.children).toHaveLength(0);
  });

  it('builds a desk without a mailbox and without codes: password sign-in, Cognito mailing the sign-up codes', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { stateful: stack } = buildApp(app, { config: withoutMail({ emailCode: false }), nag: false, env: TEST_ENV, webAppDirectory: testWebAppDirectory() });
    const pool = Template.fromStack(stack);
    pool.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } }),
      EmailConfiguration: Match.absent(),
    });
  });
});
