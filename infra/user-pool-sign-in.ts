import { Duration, SecretValue } from 'aws-cdk-lib';
import {
  ProviderAttribute,
  UserPoolClientIdentityProvider,
  UserPoolIdentityProviderOidc,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
  UserPoolOperation,
  type UserPool,
} from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ConfigError } from '../shared/config/config-error.ts';
import type { ServiceDeskConfig } from '../shared/config/config-schema.ts';
import type { IdentityProviderConfig } from '../shared/config/sign-in-schema.ts';
import { ENV } from '../shared/environment.ts';
import { INVITATION_PARTITION_PREFIX } from '../shared/store/keys.ts';
import { ServiceDeskFunction } from './constructs/service-desk-function.ts';
import type { StageSettings } from './stage.ts';

/**
 * Cognito sends one-time sign-in codes only from a pool that mails through SES, so a desk that
 * offers them must name its mailbox. Checked before any stack is built.
 */
export function checkSignInConfig(config: ServiceDeskConfig): void {
  if (config.signIn.emailCode && !config.email) {
    throw new ConfigError([
      "signIn.emailCode: one-time sign-in codes need the user pool to send mail through SES, and SES needs the desk's mailbox: " +
        'set email.address (a verified SES identity), or set signIn.emailCode to false',
    ]);
  }
}

/**
 * The organisation's identity providers in the user pool, each one's addresses routed to it by
 * their email domains. Returns what the web client offers besides Cognito's own sign-in.
 */
export function addIdentityProviders(scope: Construct, userPool: UserPool, providers: readonly IdentityProviderConfig[]): UserPoolClientIdentityProvider[] {
  return providers.map((provider) => {
    const common = { userPool, name: provider.id, ...(provider.emailDomains.length ? { identifiers: provider.emailDomains } : {}) };
    if (provider.type === 'oidc') {
      new UserPoolIdentityProviderOidc(scope, `IdentityProvider-${provider.id}`, {
        ...common,
        issuerUrl: provider.issuerUrl,
        clientId: provider.clientId,
        // A dynamic reference: CloudFormation reads the secret at deploy time, the template never holds it.
        clientSecret: SecretValue.secretsManager(provider.clientSecretName).unsafeUnwrap(),
        scopes: provider.scopes,
        attributeMapping: { email: ProviderAttribute.other('email'), emailVerified: ProviderAttribute.other('email_verified') },
      });
    } else {
      new UserPoolIdentityProviderSaml(scope, `IdentityProvider-${provider.id}`, {
        ...common,
        metadata: UserPoolIdentityProviderSamlMetadata.url(provider.metadataUrl),
        attributeMapping: { email: ProviderAttribute.other(provider.emailAttribute) },
      });
    }
    return UserPoolClientIdentityProvider.custom(provider.id);
  });
}

/**
 * The pre-sign-up trigger: decides who may sign themselves up (allowed domains, invitations).
 * It may read the invitation partitions of the table, one item at a time, and nothing else.
 */
export function addPreSignUpTrigger(scope: Construct, userPool: UserPool, table: ITableV2, settings: StageSettings): ServiceDeskFunction {
  const fn = new ServiceDeskFunction(scope, 'PreSignUp', {
    entry: 'functions/cognito/pre-sign-up.ts',
    functionName: `service-desk-${settings.stage}-pre-sign-up`,
    description: 'Lets people sign themselves up when their domain is allowed or they were invited',
    settings,
    // Cognito waits 5 s for a trigger before it fails the sign-up.
    timeout: Duration.seconds(5),
    asyncInvocationWithoutDlqBecause: 'Cognito invokes the trigger synchronously and waits for its answer; a failure fails that sign-up, which the person retries. Nothing is queued to be lost.',
  });
  fn.addEnvironment(ENV.tableName, table.tableName);
  fn.functionRole.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['dynamodb:GetItem'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${INVITATION_PARTITION_PREFIX}*`] } },
    }),
  );
  userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, fn);
  return fn;
}
