import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES, type HttpRoute } from '../../functions/http/routes.ts';
import { TABLE_WRITE_ACTIONS } from '../../infra/constructs/service-desk-function.ts';
import { API_THROTTLE } from '../../infra/service-stack.ts';
import { buildTestApp, SYNTH_TIMEOUT_MS, type TemplateValue } from './build-test-app.ts';

let template: Template;

beforeAll(() => {
  // Bundles every handler with the local esbuild once for the whole file.
  const { service } = buildTestApp();
  template = Template.fromStack(service);
}, SYNTH_TIMEOUT_MS);

const handlers = [...new Set(HTTP_ROUTES.map((route) => route.handler))];
/** Functions that serve no route and poll a queue or the stream: the stream consumer, the email and JSON intakes and the mail sender. */
const backgroundFunctions = ['ticket-changes', 'email-intake', 'intake', 'notifications'];
/** Functions a schedule starts: the daily SLA timer sweep (an EventBridge rule) and the SLA timer function (one-time Scheduler schedules). */
const scheduledFunctions = ['sla-timer-sweep', 'sla-timer'];

/** The Lambda function resource of a handler, found by its stage-qualified name. */
function functionOf(handler: string): { logicalId: string; properties: Record<string, TemplateValue> } {
  const found = template.findResources('AWS::Lambda::Function', {
    Properties: { FunctionName: `service-desk-test-${handler}` },
  });
  const [logicalId, resource] = Object.entries(found)[0] ?? [];
  if (!logicalId || !resource) throw new Error(`no function for handler ${handler}`);
  return { logicalId, properties: resource.Properties };
}

/** Every IAM action granted to the function's role, flattened. */
function actionsOf(handler: string): string[] {
  const roleLogicalId = functionOf(handler).properties.Role['Fn::GetAtt'][0] as string;
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) },
  });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement.flatMap((statement: { Action: string | string[] }) => [statement.Action].flat()));
}

/** The API Gateway route resource for a manifest entry. */
function routeOf(route: HttpRoute): Record<string, TemplateValue> {
  const found = template.findResources('AWS::ApiGatewayV2::Route', {
    Properties: { RouteKey: `${route.method} ${route.path}` },
  });
  const resources = Object.values(found);
  expect(resources).toHaveLength(1);
  return resources[0]!.Properties;
}

describe('functions', () => {
  it('creates one function per handler of the route manifest, plus the four background consumers, the SLA timer function and the daily sweep', () => {
    const own = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) => String(fn.Properties.FunctionName ?? '').startsWith('service-desk-test-'));
    expect(own).toHaveLength(handlers.length + backgroundFunctions.length + scheduledFunctions.length);
  });

  it.each(handlers)('runs %s on Node.js 22, arm64, 512 MB and 10 s, without X-Ray tracing unless asked for', (handler) => {
    expect(functionOf(handler).properties.TracingConfig).toBeUndefined();
    expect(functionOf(handler).properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
    });
  });

  it.each(HTTP_ROUTES.filter((route) => route.table !== 'none'))('tells $handler the table name ($method $path)', (route) => {
    expect(functionOf(route.handler).properties.Environment.Variables).toHaveProperty('TABLE_NAME');
  });

  it.each(HTTP_ROUTES.filter((route) => route.table === 'none'))('gives $handler neither the table name nor any DynamoDB permission', (route) => {
    expect(functionOf(route.handler).properties.Environment.Variables).not.toHaveProperty('TABLE_NAME');
    expect(actionsOf(route.handler).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
  });

  it.each(HTTP_ROUTES.filter((route) => route.table === 'read'))('lets $handler read but never write', (route) => {
    const actions = actionsOf(route.handler);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const action of TABLE_WRITE_ACTIONS) expect(actions).not.toContain(action);
  });

  it.each(HTTP_ROUTES)('never lets $handler scan the table', (route) => {
    expect(actionsOf(route.handler)).not.toContain('dynamodb:Scan');
  });

  it('keeps list-tickets away from PutItem and UpdateItem', () => {
    const actions = actionsOf('list-tickets');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:UpdateItem');
  });

  it.each(HTTP_ROUTES.filter((route) => route.table === 'write'))('lets $handler read and write', (route) => {
    expect(actionsOf(route.handler)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
  });

  it('scopes table permissions to the table and its named indexes, without wildcards', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const dynamoResources = policies.flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.filter((statement: { Action: string | string[] }) => [statement.Action].flat().some((action) => action.startsWith('dynamodb:'))).flatMap(
        (statement: { Resource: unknown }) => [statement.Resource].flat(),
      ),
    );
    expect(dynamoResources.length).toBeGreaterThan(0);
    const text = JSON.stringify(dynamoResources);
    expect(text).not.toContain('*');
    for (const index of ['GSI1', 'GSI2', 'GSI3', 'GSI4']) expect(text).toContain(`/index/${index}`);
  });

  it('lets only the approval link routes read the signing key, and tells them where it is', () => {
    for (const route of HTTP_ROUTES) {
      const readsKey = actionsOf(route.handler).includes('ssm:GetParameter');
      expect(readsKey, route.handler).toBe(route.approvalLinkKey === true);
      const variables = functionOf(route.handler).properties.Environment.Variables;
      expect(variables.APPROVAL_LINK_KEY_PARAMETER, route.handler).toBe(route.approvalLinkKey === true ? '/service-desk/test/approval-link-key' : undefined);
    }
  });

  it('lets a function holding the key create that one parameter but never overwrite it', () => {
    const roleLogicalId = functionOf('notifications').properties.Role['Fn::GetAtt'][0] as string;
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) } });
    const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Record<string, TemplateValue>[]);
    const ssm = statements.filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('ssm:')));
    expect(ssm).toEqual([
      expect.objectContaining({ Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:PutParameter'] }),
      expect.objectContaining({ Effect: 'Deny', Action: 'ssm:PutParameter', Condition: { StringEquals: { 'ssm:Overwrite': 'true' } } }),
    ]);
    for (const statement of ssm) expect(JSON.stringify(statement.Resource)).toContain(':parameter/service-desk/test/approval-link-key');
    // No secret any more: a standard parameter costs nothing a month.
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  it("uses no AWS managed policies, but in CDK's deploy-time handler of the web app's files", () => {
    const roles = Object.entries(template.findResources('AWS::IAM::Role'));
    expect(roles.length).toBeGreaterThan(0);
    for (const [id, role] of roles) if (!id.startsWith('CustomCDKBucketDeployment')) expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
  });

  // What the Serverless-LambdaDLQ acknowledgement rests on: no function is invoked asynchronously.
  it('invokes every function synchronously, API Gateway the route functions and event source mappings the others, but for the daily sweep and the SLA timer function Scheduler invokes', () => {
    const all = Object.values(template.findResources('AWS::Lambda::Permission'));
    const sweep = functionOf('sla-timer-sweep').logicalId;
    const scheduled = all.filter((permission) => permission.Properties.Principal === 'events.amazonaws.com');
    expect(scheduled.map((permission) => permission.Properties.FunctionName['Fn::GetAtt'][0])).toEqual([sweep]);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)', Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sweep, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } })] });
    const permissions = all.filter((permission) => permission.Properties.Principal !== 'events.amazonaws.com');
    expect(permissions.length).toBeGreaterThan(0);
    for (const permission of permissions) expect(permission.Properties.Principal).toBe('apigateway.amazonaws.com');
    // Only the SLA timer function is invoked asynchronously with its own retries (by Scheduler, whose role may invoke it).
    const asyncConfigs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig'));
    expect(asyncConfigs.map((config) => config.Properties.FunctionName.Ref)).toEqual([functionOf('sla-timer').logicalId]);
    const invokedByApi = new Set(permissions.map((permission) => permission.Properties.FunctionName['Fn::GetAtt'][0] as string));
    const polled = new Set(Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map((mapping) => mapping.Properties.FunctionName.Ref as string));
    for (const handler of handlers) expect(invokedByApi.has(functionOf(handler).logicalId), handler).toBe(true);
    for (const handler of backgroundFunctions) expect(polled.has(functionOf(handler).logicalId), handler).toBe(true);
  });

  it('gives every function its own log group with a retention', () => {
    // And one access log per API stage.
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 7 }, handlers.length + backgroundFunctions.length + scheduledFunctions.length + 2);
  });
});

describe('background consumers', () => {
  it('feeds ticket changes (tickets only) from the table stream, with partial failures and a failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionOf('ticket-changes').logicalId },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['ticket'] } } } }) },
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['comment'] } } } }) },
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['invitation'] } } } }) },
        ],
      },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it("gives the stream consumer the distribution's origin for the links of invitations", () => {
    const url = functionOf('ticket-changes').properties.Environment.Variables.PUBLIC_WEB_URL;
    expect(JSON.stringify(url)).toMatch(/"https:\/\/".*WebDistribution.*DomainName/);
  });

  it('lets the stream consumer manage SLA schedules, read tickets and queue mail, but write no table item', () => {
    const actions = actionsOf('ticket-changes');
    expect(actions).toEqual(expect.arrayContaining(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'iam:PassRole', 'dynamodb:GetItem', 'sqs:SendMessage']));
    expect(actions.filter((action) => ['dynamodb:PutItem', 'dynamodb:UpdateItem'].includes(action))).toEqual([]);
  });

  it('lets the mail sender send raw mail as the desk only', () => {
    const roleLogicalId = functionOf('notifications').properties.Role['Fn::GetAtt'][0] as string;
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) } });
    const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const ses = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:')));
    expect(ses.map((statement) => statement.Action)).toEqual(['ses:SendRawEmail']);
    expect(JSON.stringify(ses[0]!.Resource)).toContain('identity/desk.example.com');
    expect(JSON.stringify(ses[0]!.Resource)).not.toContain('*');
  });

  it('lets the SLA timer function write tickets but not manage schedules, and has Scheduler invoke it with no queue between', () => {
    expect(actionsOf('sla-timer')).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    expect(actionsOf('sla-timer').some((action) => action.startsWith('scheduler:'))).toBe(false);
    expect(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: functionOf('sla-timer').logicalId } } })).toEqual({});
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: functionOf('sla-timer').logicalId }, MaximumRetryAttempts: 2 });
    expect(functionOf('ticket-changes').properties.Environment.Variables.SLA_TIMER_TARGET_ARN).toEqual({ 'Fn::GetAtt': [functionOf('sla-timer').logicalId, 'Arn'] });
  });

  it('lets the email intake read raw mail of the inbound prefix and write attachments under their prefix, and nothing else of the bucket', () => {
    const actions = actionsOf('email-intake');
    expect(actions.filter((action) => action.startsWith('s3:'))).toEqual(['s3:GetObject', 's3:PutObject']);
    const roleLogicalId = functionOf('email-intake').properties.Role['Fn::GetAtt'][0] as string;
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) } });
    const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const resourceOf = (action: string) => JSON.stringify(statements.find((statement) => [statement.Action].flat().includes(action))!.Resource);
    expect(resourceOf('s3:GetObject')).toMatch(/\/inbound\/\*"/);
    expect(resourceOf('s3:PutObject')).toMatch(/\/attachments\/\*"/);
    expect(functionOf('email-intake').properties.Environment.Variables.MAIL_BUCKET).toBeDefined();
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'ssm:GetParameter']));
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionOf('email-intake').logicalId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it("lets the intake consumer write tickets from its queue, failing messages alone, with the desk's dead-letter queue", () => {
    expect(actionsOf('intake')).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    expect(actionsOf('intake').some((action) => action.startsWith('s3:') || action.startsWith('ses:'))).toBe(false);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionOf('intake').logicalId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'service-desk-test-intake',
      VisibilityTimeout: 60,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    template.hasOutput('IntakeQueueUrl', {});
  });

  it("sends the ticket changes it gives up on to the stateful stack's failure queue, which alarms (test/infra/alarms.test.ts)", () => {
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: functionOf('ticket-changes').logicalId } } }))[0]!;
    expect(JSON.stringify(mapping.Properties.DestinationConfig.OnFailure.Destination)).toMatch(/"Fn::GetStackOutput":\{"StackName":"ServiceDesk-test-Stateful".*GetAttDeadLettersFailures/);
  });
});

describe('HTTP API', () => {
  it('validates Cognito JWTs for both app clients', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^https://cognito-idp\\.eu-west-1\\.amazonaws\\.com/$')])],
        },
        Audience: Match.exact([Match.anyValue(), Match.anyValue()]),
      },
    });
  });

  it.each(HTTP_ROUTES)('routes $method $path', (route) => {
    expect(routeOf(route).Target).toBeDefined();
  });

  it.each(HTTP_ROUTES.filter((route) => route.auth))('guards $method $path with the JWT authorizer', (route) => {
    expect(routeOf(route)).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: expect.any(String) } });
  });

  it.each(HTTP_ROUTES.filter((route) => !route.auth))('leaves $method $path public', (route) => {
    const properties = routeOf(route);
    expect(properties.AuthorizationType).toBe('NONE');
    expect(properties.AuthorizerId).toBeUndefined();
  });

  it('asks for no OAuth scopes at the gateway (ID tokens carry none; handlers check machine scopes)', () => {
    for (const route of Object.values(template.findResources('AWS::ApiGatewayV2::Route'))) {
      expect(route.Properties.AuthorizationScopes).toBeUndefined();
    }
  });

  it('serves a $default stage with access logs and throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingBurstLimit: API_THROTTLE.burstLimit, ThrottlingRateLimit: API_THROTTLE.rateLimit },
    });
  });

  it('has no CORS configuration', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it.each(['ApiUrl', 'WebUrl', 'UserPoolId', 'WebClientId', 'MachineClientId', 'TokenEndpoint'])('outputs %s', (name) => {
    template.hasOutput(name, {});
  });
});
