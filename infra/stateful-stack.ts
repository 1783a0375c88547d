import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPoolClient,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClientIdentityProvider,
  UserPoolEmail,
  type UserPoolClient,
  type UserPoolDomain,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { RESOURCE_SERVER_ID, SCOPES, STAFF_GROUPS } from '../shared/auth/scopes.ts';
import { TABLE_INDEXES, TABLE_KEY, TTL_ATTRIBUTE, type IndexName } from '../shared/store/table-definition.ts';
import type { ServiceDeskConfig } from '../shared/config/config-schema.ts';
import type { ServiceDeskFunction } from './constructs/service-desk-function.ts';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { receivingDomains } from '../shared/email/desk-addresses.ts';
import { DeadLetters } from './dead-letters.ts';
import { EmailIntake } from './email-intake.ts';
import { createTicketFilesBucket, keepNotificationsLogicalId } from './ticket-files-bucket.ts';
import type { StageSettings } from './stage.ts';
import { addIdentityProviders, addPreSignUpTrigger } from './user-pool-sign-in.ts';

export interface StatefulStackProps extends StackProps {
  settings: StageSettings;
  /** The desk's mailbox; without it the stack receives no mail and Cognito mails with its own sender. */
  email?: ServiceDeskConfig['email'];
  /** How people sign in: one-time codes and the organisation's identity providers. */
  signIn: ServiceDeskConfig['signIn'];
}

/**
 * The indexes whose partitions a whole desk writes (its active queue on GSI1, its due list on
 * GSI4; shared/store/ACCESS-PATTERNS.md): the ones a busy desk can throttle. GSI2 (one assignee)
 * and GSI3 (one requester or approver) spread their writes over people.
 */
export const THROTTLE_WATCHED_INDEXES = ['GSI1', 'GSI4'] as const satisfies readonly IndexName[];

/** Lower number wins when a user is in several groups (cognito:preferred_role order). */
const GROUP_PRECEDENCE: Record<(typeof STAFF_GROUPS)[number], number> = { admin: 0, manager: 10, agent: 20 };

/**
 * What holds data and identities: the table and the user pool. Kept apart from the service stack
 * so that redeploying or replacing the functions and the API can never touch stored tickets or
 * user accounts, and both are retained when the stack is deleted.
 */
export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly userPool: UserPool;
  readonly userPoolDomain: UserPoolDomain;
  readonly resourceServer: UserPoolResourceServer;
  /**
   * Sign-in choices the web client offers: Cognito's own and the configured identity providers.
   * The web client itself lives with the distribution in the service stack (see WebHosting).
   */
  readonly identityProviders: UserPoolClientIdentityProvider[];
  /** Decides who may sign themselves up. */
  readonly preSignUp: ServiceDeskFunction;
  /** Other systems: client credentials with the API's OAuth scopes. */
  readonly machineClient: UserPoolClient;
  /** OAuth 2.0 token endpoint of the user pool domain (client credentials grant). */
  readonly tokenEndpoint: string;
  /** Fires on the first throttled write of the table or one of its indexes. */
  readonly tableWriteThrottlesAlarm: Alarm;
  /** Where every queue's dead letters and other services' failures wait, with one alarm each. */
  readonly deadLetters: DeadLetters;
  /** Present when the configuration names the desk's mailbox. */
  readonly emailIntake?: EmailIntake;
  /** Tickets' attachments (from mail and the web app) and, when the desk receives mail, raw mail. */
  readonly ticketFiles: Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Side effects (SLA timers, notifications, counters) are driven from the stream.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.tableWriteThrottlesAlarm = this.tableWriteThrottleAlarm(settings.stage);

    const threatProtection = props.signIn.featurePlan === 'plus';
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `service-desk-${settings.stage}`,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Requesters sign themselves up (the pre-sign-up trigger checks their domain or invitation) and
      // confirm their address with a mailed code; staff are invited by admins.
      selfSignUpEnabled: true,
      // One-time codes need SES; sign-up codes and invitations go the same way when the desk has a mailbox.
      ...(props.email
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.email.address,
              ...(props.email.name ? { fromName: props.email.name } : {}),
              sesVerifiedDomain: props.email.address.slice(props.email.address.indexOf('@') + 1),
              // The desk's SES identity is in the stack's region; said outright so a stack without a fixed region synthesises too.
              sesRegion: this.region,
            }),
          }
        : {}),
      // Checked before synth (checkSignInConfig): email codes are only on when the pool mails through SES.
      signInPolicy: { allowedFirstAuthFactors: { password: true, emailOtp: props.signIn.emailCode } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      // Blocks sign-ins from compromised credentials and asks for MFA on risky ones (Plus only).
      ...(threatProtection ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: threatProtection
        ? 'MFA is optional (TOTP) so that requesters can sign in without an authenticator app; threat protection in ENFORCED mode on the Plus feature plan demands the second factor on risky sign-ins.'
        : 'MFA is optional (TOTP) so that requesters can sign in without an authenticator app; the desk is configured with signIn.featurePlan essentials, which has no threat protection to demand it on risky sign-ins.',
    });
    if (!threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          "The desk's configuration chooses signIn.featurePlan essentials: threat protection exists only on the Plus plan, which bills every person signing in; passwords of 12 characters with four classes and optional TOTP stay.",
      });
    }

    for (const group of STAFF_GROUPS) {
      this.userPool.addGroup(`Group-${group}`, {
        groupName: group,
        description: `Service desk ${group}s`,
        precedence: GROUP_PRECEDENCE[group],
      });
    }

    const readScope = new ResourceServerScope({
      scopeName: scopeName(SCOPES.ticketsRead),
      scopeDescription: 'Read tickets and their history',
    });
    const writeScope = new ResourceServerScope({
      scopeName: scopeName(SCOPES.ticketsWrite),
      scopeDescription: 'Create and update tickets, add comments',
    });
    this.resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: `service-desk-${settings.stage}`,
      scopes: [readScope, writeScope],
    });

    // Prefixes are unique per region across all accounts: the stack id's first GUID block keeps it
    // unique and stable for the life of the stack, and known before any account is chosen.
    const stackGuidBlock = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', this.stackId))));
    this.userPoolDomain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: Fn.join('-', ['servicedesk', settings.stage, stackGuidBlock]) },
      // Managed login (not the classic hosted UI): it offers one-time codes; its branding is per client.
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.tokenEndpoint = `${this.userPoolDomain.baseUrl()}/oauth2/token`;

    this.identityProviders = [UserPoolClientIdentityProvider.COGNITO, ...addIdentityProviders(this, this.userPool, props.signIn.identityProviders)];
    // Beside the pool it serves: a trigger is part of the pool, and the service stack depends on this one.
    this.preSignUp = addPreSignUpTrigger(this, this.userPool, this.table, settings);

    this.machineClient = this.userPool.addClient('MachineClient', {
      userPoolClientName: `service-desk-${settings.stage}-machine`,
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [OAuthScope.resourceServer(this.resourceServer, readScope), OAuthScope.resourceServer(this.resourceServer, writeScope)],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
    });
    // No user sign-in flows (Cognito's default would allow SRP and custom auth through this client).
    (this.machineClient.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];

    this.deadLetters = new DeadLetters(this, 'DeadLetters', { settings });
    // Files are kept with the data, mail or not; raw mail and its queue too: mail in flight must survive a service redeploy.
    this.ticketFiles = createTicketFilesBucket(this, 'TicketFiles', { settings, ...(props.email ? { retainRawMailDays: props.email.retainRawMailDays } : {}) });
    if (props.email) {
      this.emailIntake = new EmailIntake(this, 'EmailIntake', {
        settings,
        // Every desk's address is on one of these domains (the configuration checks it).
        domains: receivingDomains(props),
        bucket: this.ticketFiles,
        deadLetters: this.deadLetters,
        ...(props.email.receiptRuleSet ? { receiptRuleSet: props.email.receiptRuleSet } : {}),
      });
      keepNotificationsLogicalId(this.ticketFiles);
      new CfnOutput(this, 'ReceiptRuleSet', { value: this.emailIntake.ruleSet.receiptRuleSetName, description: 'Activate it once if the stack created it' });
    }

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: this.userPoolDomain.baseUrl(), description: 'Managed login of the user pool' });
  }

  /**
   * One alarm over the writes of the table and its hot indexes: on demand, throttling means a key
   * or index partition past its per-partition limit (1,000 writes a second), or traffic past twice
   * its previous peak, and a throttled index write holds back the table's writes. DynamoDB reports
   * an index's throttling only under the index's own dimension, and alarms are billed per metric
   * they read, so only the indexes with a partition a whole desk writes are read. Reads get none:
   * a throttled read changes nothing, the SDK retries it, and one that still fails is an API error
   * or a queue message retried, then dead-lettered (alarmed).
   */
  private tableWriteThrottleAlarm(stage: string): Alarm {
    const kind = 'Write';
    const metricName = `${kind}ThrottleEvents`;
    const period = Duration.minutes(1);
    const usingMetrics: Record<string, Metric> = { table: this.table.metric(metricName, { period, statistic: 'Sum' }) };
    for (const indexName of THROTTLE_WATCHED_INDEXES) {
      usingMetrics[indexName.toLowerCase()] = new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: this.table.tableName, GlobalSecondaryIndexName: indexName },
        period,
        statistic: 'Sum',
      });
    }
    return new Alarm(this, `Table${kind}ThrottlesAlarm`, {
      alarmName: `service-desk-${stage}-table-${kind.toLowerCase()}s-throttled`,
      alarmDescription:
        `DynamoDB throttled ${kind.toLowerCase()}s of the service desk table or of its busiest indexes (${THROTTLE_WATCHED_INDEXES.join(', ')}); ` +
        `requests failed or were retried. The per-index ${metricName} metrics tell which.`,
      // FILL: a series without data at a minute counts as 0 there, so one throttled index is enough.
      metric: new MathExpression({
        expression: Object.keys(usingMetrics)
          .map((id) => `FILL(${id}, 0)`)
          .join(' + '),
        usingMetrics,
        period,
        label: `${metricName} (table and indexes)`,
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

/** `servicedesk/tickets.read` -> `tickets.read`: Cognito prefixes scopes with the resource server id. */
function scopeName(scope: string): string {
  return scope.slice(RESOURCE_SERVER_ID.length + 1);
}
