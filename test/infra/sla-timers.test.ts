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

/** A stack with the construct and two throwaway inline functions (no bundling): one manages timers, one consumes them. */
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
  timers.grantManageSchedules(manager);
  timers.addConsumer(consumer);
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

const queueRef = () => ({ Ref: built.stack.getLogicalId(built.timers.queue.node.defaultChild as never) });
const arnOf = (queue: { node: { defaultChild?: unknown } }) => ({ 'Fn::GetAtt': [built.stack.getLogicalId(queue.node.defaultChild as never), 'Arn'] });
const dlqArn = () => arnOf(built.deadLetters.queue);
const failuresArn = () => arnOf(built.deadLetters.failures);
const queueArn = () => ({ 'Fn::GetAtt': [queueRef().Ref, 'Arn'] });
const roleArn = () => ({ 'Fn::GetAtt': [built.stack.getLogicalId(built.timers.schedulerRole.node.defaultChild as never), 'Arn'] });
const fnRoleRef = (fn: LambdaFunction) => ({ Ref: built.stack.getLogicalId(fn.role!.node.defaultChild as never) });

/** Every statement of the policies attached to a role. */
function statementsOf(role: { Ref: string }): Record<string, TemplateValue>[] {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([role]) } });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

describe('the SLA timer queues', () => {
  it("makes the timers queue, SSE-SQS encrypted, whose dead letters go to the desk's dead-letter queue", () => {
    // The timers queue, and the desk's dead-letter and failure queues the test stack holds.
    template.resourceCountIs('AWS::SQS::Queue', 3);
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'service-desk-test-sla-timers',
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 60,
      RedrivePolicy: { deadLetterTargetArn: dlqArn(), maxReceiveCount: 5 },
    });
    expect(built.timers.deadLetterQueue).toBe(built.deadLetters.failures);
  });

  it('refuses requests without TLS on every queue', () => {
    const policies = template.findResources('AWS::SQS::QueuePolicy');
    expect(Object.keys(policies)).toHaveLength(3);
    for (const policy of Object.values(policies)) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
  });

  it('covers six function timeouts of 10 s with the visibility timeout', () => {
    expect(built.timers.queue.node.defaultChild).toMatchObject({ visibilityTimeout: 60 });
    expect((built.consumer.timeout?.toSeconds() ?? 0) * 6).toBeLessThanOrEqual(60);
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

  it("allows the scheduler role only to send to the timers queue and to the failure queue (Scheduler's dead-letter target)", () => {
    const role = { Ref: built.stack.getLogicalId(built.timers.schedulerRole.node.defaultChild as never) };
    expect(statementsOf(role)).toEqual([{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: [queueArn(), failuresArn()] }]);
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

  it('is told the group, the queues and the role', () => {
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Role: { 'Fn::GetAtt': [fnRoleRef(built.manager).Ref, 'Arn'] } } });
    expect(Object.values(functions)[0]!.Properties.Environment.Variables).toEqual({
      SLA_TIMER_SCHEDULE_GROUP: 'service-desk-test-sla',
      SLA_TIMER_QUEUE_ARN: queueArn(),
      SLA_TIMER_DLQ_ARN: failuresArn(),
      SLA_TIMER_SCHEDULER_ROLE_ARN: roleArn(),
    });
  });

  it('gets no queue access', () => {
    expect(statementsOf(fnRoleRef(built.manager)).flatMap((statement) => [statement.Action].flat())).not.toContainEqual(expect.stringMatching(/^sqs:/));
  });
});

describe('the consumer of the timers queue', () => {
  it('reads the queue in batches of 10 and reports partial batch failures', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: queueArn(),
      FunctionName: { Ref: built.stack.getLogicalId(built.consumer.node.defaultChild as never) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('may consume the timers queue and nothing else', () => {
    const statements = statementsOf(fnRoleRef(built.consumer));
    expect(statements).toHaveLength(1);
    expect(statements[0]!.Resource).toEqual(queueArn());
    expect([statements[0]!.Action].flat()).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']));
    expect([statements[0]!.Action].flat()).not.toContain('sqs:SendMessage');
  });

  it('refuses a function whose timeout six times over exceeds the visibility timeout', () => {
    const { stack, timers } = build({ env: TEST_ENV });
    const slow = new LambdaFunction(stack, 'Slow', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => {};'), timeout: Duration.seconds(11) });
    expect(() => timers.addConsumer(slow)).toThrow(/timeout of 11 s needs a queue visibility timeout of at least 66 s; the SLA timers queue has 60 s/);
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
