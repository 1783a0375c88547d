import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeadLetters } from '../../infra/dead-letters.ts';
import { SlaTimers } from '../../infra/sla-timers.ts';
import { stageSettings } from '../../infra/stage.ts';
import { TEST_ENV, type TemplateValue } from './build-test-app.ts';

interface Built {
  app: App;
  stack: Stack;
  timers: SlaTimers;
  deadLetters: DeadLetters;
  manager: LambdaFunction;
  consumer: LambdaFunction;
}

/** A stack with the construct and two throwaway inline functions (no bundling): one manages timers, one is their target. */
function build(options: { nag?: boolean; env?: typeof TEST_ENV | undefined } = { env: TEST_ENV }): Built {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'sla-timers-cdk-')) });
  const stack = new Stack(app, 'TimersTest', { env: options.env });
  const settings = stageSettings('test');
  const deadLetters = new DeadLetters(stack, 'DeadLetters', { settings });
  const timers = new SlaTimers(stack, 'SlaTimers', { settings, deadLetters });
  const throwaway = (id: string) =>
    new LambdaFunction(stack, id, { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => {};'), timeout: Duration.seconds(10) });
  const manager = throwaway('Manager');
  const consumer = throwaway('Consumer');
  timers.setTarget(consumer);
  timers.grantManageSchedules(manager);
  if (options.nag) {
    for (const fn of [manager, consumer]) {
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'Throwaway test function with the default basic execution role.',
      });
      Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: 'Throwaway test function; the runtime is pinned like the real ones.' });
    }
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  }
  return { app, stack, timers, deadLetters, manager, consumer };
}

let built: Built;
let template: Template;

beforeAll(() => {
  built = build({ env: TEST_ENV });
  template = Template.fromStack(built.stack);
});

const arnOf = (queue: { node: { defaultChild?: unknown } }) => ({ 'Fn::GetAtt': [built.stack.getLogicalId(queue.node.defaultChild as never), 'Arn'] });
const failuresArn = () => arnOf(built.deadLetters.failures);
const consumerId = () => built.stack.getLogicalId(built.consumer.node.defaultChild as never);
const consumerArn = () => ({ 'Fn::GetAtt': [consumerId(), 'Arn'] });
const roleArn = () => ({ 'Fn::GetAtt': [built.stack.getLogicalId(built.timers.schedulerRole.node.defaultChild as never), 'Arn'] });
const fnRoleRef = (fn: LambdaFunction) => ({ Ref: built.stack.getLogicalId(fn.role!.node.defaultChild as never) });

/** Every statement of the policies attached to a role. */
function statementsOf(role: { Ref: string }): Record<string, TemplateValue>[] {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([role]) } });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

describe('no queue of their own', () => {
  it("makes no queue: Scheduler invokes the function, and what fails for good goes to the desk's failure queue", () => {
    // Only the desk's dead-letter and failure queues, which the test stack holds.
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
    expect(built.timers.deadLetterQueue).toBe(built.deadLetters.failures);
  });

  it('adds no alarm of its own: the dead-letter and failure queues have theirs', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
  });
});

describe('the schedule group and the scheduler role', () => {
  it('makes a schedule group named after the stage', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'service-desk-test-sla' });
  });

  it('lets only Scheduler of this account, for this group, assume the role', () => {
    const role = template.findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('SLA timer') } });
    const [properties] = Object.values(role).map((resource) => resource.Properties);
    expect(properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': TEST_ENV.account },
          ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:scheduler:${TEST_ENV.region}:${TEST_ENV.account}:schedule-group/service-desk-test-sla`]] } },
        },
      },
    ]);
    expect(properties.ManagedPolicyArns).toBeUndefined();
  });

  it("allows the scheduler role only to invoke the target and to send to the failure queue (Scheduler's dead-letter target)", () => {
    const role = { Ref: built.stack.getLogicalId(built.timers.schedulerRole.node.defaultChild as never) };
    expect(statementsOf(role)).toEqual([
      { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: failuresArn() },
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: consumerArn() },
    ]);
  });
});

describe('a function that manages timers', () => {
  it('may create and delete schedules of the SLA group only, and pass the scheduler role only to Scheduler', () => {
    expect(statementsOf(fnRoleRef(built.manager))).toEqual([
      {
        Action: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:scheduler:${TEST_ENV.region}:${TEST_ENV.account}:schedule/service-desk-test-sla/*`]] },
      },
      {
        Action: 'iam:PassRole',
        Effect: 'Allow',
        Resource: roleArn(),
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
  });

  it('is told the group, the target, the failure queue and the role', () => {
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Role: { 'Fn::GetAtt': [fnRoleRef(built.manager).Ref, 'Arn'] } } });
    expect(Object.values(functions)[0]!.Properties.Environment.Variables).toEqual({
      SLA_TIMER_SCHEDULE_GROUP: 'service-desk-test-sla',
      SLA_TIMER_TARGET_ARN: consumerArn(),
      SLA_TIMER_DLQ_ARN: failuresArn(),
      SLA_TIMER_SCHEDULER_ROLE_ARN: roleArn(),
    });
  });

  it('gets no queue access and may not invoke the target itself', () => {
    const actions = statementsOf(fnRoleRef(built.manager)).flatMap((statement) => [statement.Action].flat());
    expect(actions).not.toContainEqual(expect.stringMatching(/^sqs:/));
    expect(actions).not.toContain('lambda:InvokeFunction');
  });
});

describe('the target function', () => {
  it('is retried twice by Lambda, kept up to six hours when it cannot start, then sent to the failure queue', () => {
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: consumerId() },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: failuresArn() } },
    });
  });

  it('may send to the failure queue and read no queue', () => {
    const actions = statementsOf(fnRoleRef(built.consumer)).flatMap((statement) => [statement.Action].flat());
    expect(actions).toContain('sqs:SendMessage');
    expect(actions).not.toContain('sqs:ReceiveMessage');
  });

  it('refuses a second target, and a manager before the target', () => {
    const { stack, timers } = build({ env: TEST_ENV });
    const other = new LambdaFunction(stack, 'Other', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => {};') });
    expect(() => timers.setTarget(other)).toThrow(/already have a target/);
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'sla-timers-cdk-')) });
    const early = new Stack(app, 'Early', { env: TEST_ENV });
    const settings = stageSettings('test');
    const untargeted = new SlaTimers(early, 'SlaTimers', { settings, deadLetters: new DeadLetters(early, 'DeadLetters', { settings }) });
    const manager = new LambdaFunction(early, 'Manager', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => {};') });
    expect(() => untargeted.grantManageSchedules(manager)).toThrow(/call setTarget\(fn\) before grantManageSchedules/);
  });
});

describe('AWS Solutions checks (cdk-nag)', () => {
  it.each([
    ['a concrete account and region', TEST_ENV],
    ['an environment-agnostic stack', undefined],
  ])('finds nothing unacknowledged in the construct or the grants it makes, in %s', (_name, env) => {
    const { app } = build({ nag: true, env });
    let synthError: unknown;
    try {
      app.synth();
    } catch (error) {
      synthError = error;
    }
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: { ruleName: string; violatingConstructs?: { constructPath: string }[]; violatingResources?: { constructPath?: string }[] }[] }[];
    };
    const findings = report.pluginReports
      .flatMap((plugin) => plugin.violations)
      .flatMap((violation) => [...(violation.violatingConstructs ?? []), ...(violation.violatingResources ?? [])].map((c) => `${violation.ruleName} ${c.constructPath ?? ''}`));
    expect(findings).toEqual([]);
    expect(synthError).toBeUndefined();
  });
});
