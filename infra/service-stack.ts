import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type HttpRoute as CdkHttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient, UserPoolClientIdentityProvider, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { HTTP_ROUTES, type HttpRoute } from '../functions/http/routes.ts';
import type { ServiceDeskConfig } from '../shared/config/config-schema.ts';
import { receivingAddresses, receivingDomains } from '../shared/email/desk-addresses.ts';
import { ENV } from '../shared/environment.ts';
import { ATTACHMENT_PREFIX } from '../shared/ports/attachment-store.ts';
import { buildPublicHolidays } from '../shared/domain/public-holidays.ts';
import { ServiceDeskFunction } from './constructs/service-desk-function.ts';
import { SlaTimers } from './sla-timers.ts';
import { QueueWithDeadLetters } from './constructs/queue-with-dead-letters.ts';
import type { DeadLetters } from './dead-letters.ts';
import { consumeQueue } from './constructs/queue-consumer.ts';
import { UPLOAD_PREFIX } from '../shared/ports/upload-store.ts';
import { EmailIntake, INBOUND_PREFIX, rawMailBucketName } from './email-intake.ts';
import { UploadBucket, uploadBucketName } from './upload-bucket.ts';
import { nagEnvironment } from './nag-text.ts';
import type { StageSettings } from './stage.ts';
import { WEB_API_PATH, WebHosting } from './web-hosting.ts';

export interface ServiceStackProps extends StackProps {
  settings: StageSettings;
  table: ITableV2;
  userPool: UserPool;
  userPoolDomain: UserPoolDomain;
  /** Sign-in choices the web client offers (Cognito's own and the configured identity providers). */
  identityProviders: UserPoolClientIdentityProvider[];
  /** Other systems (access tokens); the web app's client for people is made here, beside the distribution. */
  machineClient: UserPoolClient;
  tokenEndpoint: string;
  /** The built web app (web/dist). */
  webAppDirectory: string;
  /** The validated configuration: its calendars' public holidays are built into the functions. */
  config: ServiceDeskConfig;
  /** The stateful stack's dead-letter and failure queues: failed work outlasts this stack. */
  deadLetters: DeadLetters;
  /** The raw mail bucket and intake queue, when the desk receives mail. */
  emailIntake?: EmailIntake;
  /** Defaults to the route manifest; tests may pass a subset. */
  routes?: readonly HttpRoute[];
  /** Origins of the web app (the CloudFront distribution's), allowed to post uploads; the web client's callback origins by default. */
  webOrigins?: readonly string[];
}

/** One line per request; the subject only: no email or other personal data in access logs. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

/** Steady-state requests per second and burst for each API stage, before per-route limits. */
export const API_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * The stateless part: the HTTP API and one function per route. Safe to destroy and redeploy; it
 * holds no data of its own.
 */
export class ServiceStack extends Stack {
  readonly api: HttpApi;
  /** The web app's distribution, bucket and user pool client (people: ID tokens). */
  readonly web: WebHosting;
  /** The API as the web app reaches it: `/api/...` on the distribution. */
  readonly webApiStage: HttpStage;
  readonly functions: ReadonlyMap<string, ServiceDeskFunction>;
  /** SLA timer schedule group, scheduler role and failure queue; grant and target through it. */
  readonly slaTimers: SlaTimers;
  private readonly publicHolidays: string;
  /** Follows the table's stream: SLA timers match every ticket change. */
  readonly ticketChanges: ServiceDeskFunction;
  /** Applies SLA timer firings; Scheduler invokes it. */
  readonly slaTimerHandler: ServiceDeskFunction;
  /** Sends queued notifications through SES, when the desk has a mailbox. */
  readonly notificationsHandler?: ServiceDeskFunction;
  /** Where notifications wait to be sent. */
  readonly notificationsQueue: Queue;
  /** Once a day, makes every active ticket's SLA schedules match its state. */
  readonly slaTimerSweep: ServiceDeskFunction;
  /** Fires on the first throttled invocation of any function in the account and region. */
  readonly lambdaThrottlesAlarm: Alarm;
  /** Where other systems send JSON requests (monitoring alerts, web forms). */
  readonly intakeQueue: Queue;
  readonly intakeHandler: ServiceDeskFunction;
  /** Turns inbound mail into tickets and comments, when the desk receives mail. */
  readonly emailIntakeHandler?: ServiceDeskFunction;
  /** Stream records that kept failing, kept for inspection (the stateful stack's failure queue). */
  readonly ticketChangesFailures: Queue;
  /** Where browsers post files until a new ticket or reply attaches them. */
  readonly uploads: UploadBucket;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { settings, table, userPool, machineClient } = props;
    const routes = props.routes ?? HTTP_ROUTES;
    this.publicHolidays = builtInHolidays(props.config);

    // CORS is off: the web app calls the API on its own origin, through CloudFront's /api/* behaviour.
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `service-desk-${settings.stage}`,
      description: `Service desk API (${settings.stage})`,
      createDefaultStage: false,
    });

    const stage = this.createStage('DefaultStage', '$default', 'ApiAccessLogs', settings);
    // CloudFront passes /api/... on unchanged: this stage serves the same routes under that prefix.
    this.webApiStage = this.createStage('WebApiStage', WEB_API_PATH, 'WebApiAccessLogs', settings);

    this.web = new WebHosting(this, 'Web', {
      settings,
      webAppDirectory: props.webAppDirectory,
      api: this.api,
      userPool,
      userPoolDomain: props.userPoolDomain,
      identityProviders: props.identityProviders,
      identityProviderConfigs: props.config.signIn.identityProviders,
      // The bucket's URL from its fixed name, not a reference: the bucket's CORS names the distribution.
      uploadBucketUrl: `https://${uploadBucketName(this, settings.stage)}.s3.${this.region}.${this.urlSuffix}`,
    });
    const webClient = this.web.client;

    // No authorizationScopes on routes: human ID tokens carry no scope claim, so the handlers
    // check the scopes of machine clients themselves.
    const authorizer = new HttpJwtAuthorizer('CognitoJwt', `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`, {
      authorizerName: 'cognito-jwt',
      identitySource: ['$request.header.Authorization'],
      jwtAudience: [webClient.userPoolClientId, machineClient.userPoolClientId],
    });

    // Browsers post files from the distribution's origin, and locally from the stage's callback origins.
    const localOrigins = settings.callbackUrls.map((url) => new URL(url).origin);
    this.uploads = new UploadBucket(this, 'Uploads', { settings, webOrigins: props.webOrigins ?? [this.web.origin, ...new Set(localOrigins)] });

    const functions = new Map<string, ServiceDeskFunction>();
    for (const route of routes) {
      const fn = functions.get(route.handler) ?? this.createRouteFunction(route, settings, table);
      functions.set(route.handler, fn);
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${pascalCase(route.handler)}Integration-${route.method}`, fn),
        authorizer: route.auth ? authorizer : undefined,
      });
      if (!route.auth) acknowledgePublicRoutes(added, route);
    }
    this.functions = functions;
    this.lambdaThrottlesAlarm = this.createLambdaThrottlesAlarm(settings.stage);

    this.slaTimers = new SlaTimers(this, 'SlaTimers', { settings, deadLetters: props.deadLetters });
    // Five tries ride out SES throttling; what fails more waits for a redrive.
    this.notificationsQueue = new QueueWithDeadLetters(this, 'Notifications', {
      queueName: `service-desk-${settings.stage}-notifications`,
      // Six times the 10 s function timeout, so a message is never handled twice at once.
      visibilityTimeout: Duration.seconds(60),
      maxReceiveCount: 5,
      deadLetters: props.deadLetters,
    }).queue;
    // The schedules' target first: the functions that manage schedules are told its ARN.
    this.slaTimerHandler = new ServiceDeskFunction(this, 'SlaTimer', {
      publicHolidays: this.publicHolidays,
      entry: 'functions/scheduled/sla-timer.ts',
      functionName: `service-desk-${settings.stage}-sla-timer`,
      description: 'Applies fired SLA thresholds: warnings, breaches and their actions',
      settings,
      asyncInvocationWithoutDlqBecause:
        'Invoked asynchronously by Scheduler: a firing that fails three times goes to the failure queue through the ' +
        "function's on-failure destination, whose record carries the firing and the error (a dead-letter queue would keep less).",
    });
    this.slaTimerHandler.bindTable(table, 'write');
    this.slaTimers.setTarget(this.slaTimerHandler);
    this.ticketChangesFailures = props.deadLetters.failures;
    this.ticketChanges = this.createTicketChangesConsumer(settings, table);
    this.slaTimerSweep = this.createSlaTimerSweep(settings, table);
    ({ queue: this.intakeQueue, fn: this.intakeHandler } = this.createIntakeConsumer(settings, table, props.deadLetters));
    if (props.emailIntake) this.emailIntakeHandler = this.createEmailIntakeConsumer(settings, table, props.emailIntake);
    if (props.config.email) {
      this.notificationsHandler = this.createNotificationsConsumer(settings, table, props.config);
    }

    new CfnOutput(this, 'ApiUrl', { value: stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'WebUrl', { value: this.web.origin, description: 'The web app (the API is under /api there too)' });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: webClient.userPoolClientId, description: 'App client for people' });
    new CfnOutput(this, 'MachineClientId', {
      value: machineClient.userPoolClientId,
      description: 'App client for other systems (client credentials; read its secret in the Cognito console)',
    });
    new CfnOutput(this, 'TokenEndpoint', { value: props.tokenEndpoint, description: 'OAuth 2.0 token endpoint' });
  }

  /** A stage of the API with the account's throttle and its own access log (no personal data in it). */
  private createStage(id: string, stageName: string, logsId: string, settings: StageSettings): HttpStage {
    const accessLogs = new LogGroup(this, logsId, {
      retention: settings.logRetention,
      removalPolicy: settings.logRemovalPolicy,
    });
    return new HttpStage(this, id, {
      httpApi: this.api,
      stageName,
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
  }

  private createNotificationsConsumer(settings: StageSettings, table: ITableV2, config: ServiceDeskConfig): ServiceDeskFunction {
    const fn = new ServiceDeskFunction(this, 'NotificationsHandler', {
      publicHolidays: this.publicHolidays,
      entry: 'functions/sqs/notifications.ts',
      functionName: `service-desk-${settings.stage}-notifications`,
      description: 'Sends queued notifications through SES',
      settings,
    });
    // Reads tickets, records sent notifications and outbound Message-IDs (the thread index).
    fn.bindTable(table, 'write');
    // Signs the reply addresses of mails to requesters and the links of approval requests.
    fn.bindApprovalLinkKey();
    // Approval requests carry a signed link to the decision page of this API.
    fn.addEnvironment(ENV.publicApiUrl, this.api.apiEndpoint);
    // Each desk sends from its own address: SES authorises by the domain's identity or the address's, whichever is verified.
    const identities = [...receivingDomains(config), ...receivingAddresses(config)];
    fn.functionRole.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: identities.map((identity) => `arn:${this.partition}:ses:${this.region}:${this.account}:identity/${identity}`),
      }),
    );
    consumeQueue(fn, this.notificationsQueue, 10);
    return fn;
  }

  /**
   * One alarm on the region's Lambda throttles rather than one per function: CloudWatch bills an
   * alarm per metric it reads (USD 0.10 a month), and twenty would cost more than the idle desk.
   * The Throttles metric by function name then says which one; in an account of its own, only
   * the desk's functions count.
   */
  private createLambdaThrottlesAlarm(stage: string): Alarm {
    return new Alarm(this, 'LambdaThrottlesAlarm', {
      alarmName: `service-desk-${stage}-lambda-throttled`,
      alarmDescription:
        "A Lambda function in this account and region was throttled, most likely because the account's concurrency ran out " +
        '(no function of the desk reserves any). API requests it served failed; queue messages are retried and may reach ' +
        'their dead-letter queue. See the Throttles metric by function name for which, then raise the quota or find what else uses it.',
      metric: new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: Duration.minutes(1), statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /**
   * The daily safety net for SLA timers: a ticket change the stream consumer gave up on (its failure
   * queue) leaves a deadline without its timer for a day at most. An EventBridge rule is free; the
   * run reads the active tickets through the queue index and lists each one's schedules.
   */
  private createSlaTimerSweep(settings: StageSettings, table: ITableV2): ServiceDeskFunction {
    const fn = new ServiceDeskFunction(this, 'SlaTimerSweep', {
      publicHolidays: this.publicHolidays,
      entry: 'functions/scheduled/sla-timer-sweep.ts',
      functionName: `service-desk-${settings.stage}-sla-timer-sweep`,
      description: "Once a day, makes every active ticket's SLA schedules match its state",
      settings,
      timeout: Duration.minutes(5),
      asyncInvocationWithoutDlqBecause:
        'A daily, idempotent sweep started by a schedule: a failed run is retried twice by Lambda and is repeated whole the next ' + 'day, and it carries no message that could be lost.',
    });
    fn.bindTable(table, 'read');
    this.slaTimers.grantManageSchedules(fn);
    this.slaTimers.grantListSchedules(fn);
    const rule = new Rule(this, 'SlaTimerSweepSchedule', {
      ruleName: `service-desk-${settings.stage}-sla-timer-sweep`,
      description: "Starts the daily reconciliation of every active ticket's SLA schedules",
      schedule: Schedule.rate(Duration.days(1)),
      targets: [new LambdaFunctionTarget(fn, { retryAttempts: 2 })],
    });
    Validations.of(rule).acknowledge({
      id: 'Serverless-EventBusDLQ',
      reason: 'The daily start of an idempotent sweep: a start that could not be delivered is repeated whole the next day, so a dead-letter queue would hold nothing to redrive.',
    });
    return fn;
  }

  private createIntakeConsumer(settings: StageSettings, table: ITableV2, deadLetters: DeadLetters): { queue: Queue; fn: ServiceDeskFunction } {
    // A message refused by its content fails the same way five times; then it waits in the dead-letter queue with its reason logged.
    const queue = new QueueWithDeadLetters(this, 'Intake', {
      queueName: `service-desk-${settings.stage}-intake`,
      visibilityTimeout: Duration.seconds(60),
      maxReceiveCount: 5,
      deadLetters,
    }).queue;
    const fn = new ServiceDeskFunction(this, 'IntakeHandler', {
      publicHolidays: this.publicHolidays,
      entry: 'functions/sqs/intake.ts',
      functionName: `service-desk-${settings.stage}-intake`,
      description: 'Turns JSON requests from other systems into tickets, or notes on the ticket their external id opened',
      settings,
    });
    fn.bindTable(table, 'write');
    consumeQueue(fn, queue, 10);
    new CfnOutput(this, 'IntakeQueueUrl', { value: queue.queueUrl, description: 'Send JSON requests from other systems here (sqs:SendMessage on IntakeQueueArn)' });
    new CfnOutput(this, 'IntakeQueueArn', { value: queue.queueArn, description: 'Grant sqs:SendMessage on this to the systems that open tickets' });
    return { queue, fn };
  }

  private createEmailIntakeConsumer(settings: StageSettings, table: ITableV2, intake: EmailIntake): ServiceDeskFunction {
    const fn = new ServiceDeskFunction(this, 'EmailIntakeHandler', {
      publicHolidays: this.publicHolidays,
      entry: 'functions/sqs/email-intake.ts',
      functionName: `service-desk-${settings.stage}-email-intake`,
      description: 'Turns inbound mail into tickets and comments',
      settings,
      charsetTablesOnDemand: true,
    });
    fn.bindTable(table, 'write');
    // Signed reply addresses are checked with a key derived from the desk's signing secret.
    fn.bindApprovalLinkKey();
    // Read the raw mail SES stored and write the attachments taken from it, nothing else of the bucket.
    this.grantMailBucketPrefix(fn, settings.stage, 's3:GetObject', INBOUND_PREFIX, 'SES names each stored mail itself; the function may read the inbound prefix of the raw mail bucket only.');
    this.grantMailBucketPrefix(
      fn,
      settings.stage,
      's3:PutObject',
      ATTACHMENT_PREFIX,
      "Attachment keys are derived from each mail's Message-ID; the function may write the attachments prefix of the mail bucket only.",
    );
    consumeQueue(fn, intake.queue, 5);
    return fn;
  }

  private createTicketChangesConsumer(settings: StageSettings, table: ITableV2): ServiceDeskFunction {
    const fn = new ServiceDeskFunction(this, 'TicketChanges', {
      publicHolidays: this.publicHolidays,
      entry: 'functions/stream/ticket-changes.ts',
      functionName: `service-desk-${settings.stage}-ticket-changes`,
      description: 'Reconciles the SLA timers of every changed ticket (DynamoDB stream)',
      settings,
    });
    this.slaTimers.grantManageSchedules(fn);
    // Reads the ticket of a new comment, and queues the mails a change calls for.
    fn.bindTable(table, 'read');
    this.notificationsQueue.grantSendMessages(fn);
    fn.addEnvironment(ENV.notificationsQueueUrl, this.notificationsQueue.queueUrl);
    // Invitations link to the web app on its distribution.
    fn.addEnvironment(ENV.publicWebUrl, this.web.origin);
    // Records that still fail after the retries land in the failure queue with their position, never vanish.
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.ticketChangesFailures),
        // Tickets, new comments and written invitations only: history, counters and claims cause nothing.
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('ticket') } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('comment') } } } }),
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('invitation') } } } }),
        ],
      }),
    );
    return fn;
  }

  private createRouteFunction(route: HttpRoute, settings: StageSettings, table: ITableV2): ServiceDeskFunction {
    const fn = new ServiceDeskFunction(this, pascalCase(route.handler), {
      publicHolidays: this.publicHolidays,
      entry: `functions/http/${route.handler}.ts`,
      functionName: `service-desk-${settings.stage}-${route.handler}`,
      description: `${route.method} ${route.path}`,
      settings,
    });
    if (route.table !== 'none') fn.bindTable(table, route.table);
    if (route.approvalLinkKey) fn.bindApprovalLinkKey();
    if (route.attachments) this.grantReadAttachments(fn, settings.stage);
    if (route.uploads === 'sign') this.grantSignUploads(fn, settings.stage);
    if (route.uploads === 'attach') this.grantAttachUploads(fn, settings.stage);
    return fn;
  }

  /** A presigned form post acts with the signer's rights: the function may put objects under the uploads prefix, nothing else. */
  private grantSignUploads(fn: ServiceDeskFunction, stage: string): void {
    this.grantUploadPrefix(
      fn,
      stage,
      ['s3:PutObject'],
      "Each form names one key under the caller's own uploads/ prefix, made per request; the function may put under uploads/ only, through the forms it signs.",
    );
  }

  /** Attaching reads an upload (HeadObject, the copy's source), writes it among the attachments and deletes it. */
  private grantAttachUploads(fn: ServiceDeskFunction, stage: string): void {
    this.grantUploadPrefix(fn, stage, ['s3:GetObject', 's3:DeleteObject'], "Upload keys are the caller's prefix and the upload ids a request names; the function may read and delete under uploads/ only.");
    this.grantMailBucketPrefix(fn, stage, 's3:PutObject', ATTACHMENT_PREFIX, 'Attachment keys are derived from each upload id; the function may write the attachments prefix of the mail bucket only.');
  }

  private grantUploadPrefix(fn: ServiceDeskFunction, stage: string, actions: ('s3:GetObject' | 's3:PutObject' | 's3:DeleteObject')[], reason: string): void {
    const bucket = uploadBucketName(this, stage);
    fn.addEnvironment(ENV.uploadBucket, bucket);
    fn.functionRole.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [`arn:${this.partition}:s3:::${bucket}/${UPLOAD_PREFIX}*`] }));
    const nag = nagEnvironment(this);
    Validations.of(fn.functionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${nag.partition}:s3:::service-desk-${stage}-uploads-${nag.account}-${nag.region}/${UPLOAD_PREFIX}*]`,
      reason,
    });
  }

  /** Download links are presigned with the function's own role: it may read the attachments prefix, nothing else of the bucket. */
  private grantReadAttachments(fn: ServiceDeskFunction, stage: string): void {
    this.grantMailBucketPrefix(
      fn,
      stage,
      's3:GetObject',
      ATTACHMENT_PREFIX,
      'Download links name one attachment each, chosen per request after the access check; the function may read the attachments prefix only.',
    );
  }

  /**
   * One action on one prefix of the mail bucket (object names are made at run time, hence the
   * prefix pattern, acknowledged with `reason`), and the bucket's name in the function's environment.
   */
  private grantMailBucketPrefix(fn: ServiceDeskFunction, stage: string, action: 's3:GetObject' | 's3:PutObject', prefix: string, reason: string): void {
    const bucket = rawMailBucketName(this, stage);
    fn.addEnvironment(ENV.mailBucket, bucket);
    fn.functionRole.addToPrincipalPolicy(new PolicyStatement({ actions: [action], resources: [`arn:${this.partition}:s3:::${bucket}/${prefix}*`] }));
    const nag = nagEnvironment(this);
    Validations.of(fn.functionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${nag.partition}:s3:::service-desk-${stage}-mail-${nag.account}-${nag.region}/${prefix}*]`,
      reason,
    });
  }
}

function acknowledgePublicRoutes(routes: CdkHttpRoute[], route: HttpRoute): void {
  for (const added of routes) {
    Validations.of(added).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: `${route.method} ${route.path} is public by design: ${route.publicBecause ?? 'no reason given'}.`,
    });
  }
}

/** Public holidays of the configured calendars from last year to 15 years ahead, as the functions need them. */
export function builtInHolidays(config: ServiceDeskConfig): string {
  const places = config.calendars.flatMap((calendar) => (calendar.holidays?.country ? [{ country: calendar.holidays.country, ...(calendar.holidays.state ? { state: calendar.holidays.state } : {}) }] : []));
  const thisYear = new Date().getUTCFullYear();
  return buildPublicHolidays(
    places,
    Array.from({ length: 17 }, (_, index) => thisYear - 1 + index),
  );
}

/** `get-ticket-history` -> `GetTicketHistory`: construct ids that read like the handler files. */
function pascalCase(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
