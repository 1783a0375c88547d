import { beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE_WATCHED_INDEXES } from '../../infra/stateful-stack.ts';
import { TABLE_INDEXES } from '../../shared/store/table-definition.ts';
import { stackResources, SYNTH_TIMEOUT_MS, type StackKind, type TemplateResource, type TemplateValue } from './build-test-app.ts';

type Resource = TemplateResource;
type Kind = StackKind;

const resources = {} as Record<Kind, Record<string, Resource>>;

beforeAll(() => {
  Object.assign(resources, stackResources());
}, SYNTH_TIMEOUT_MS);

const KINDS: Kind[] = ['Stateful', 'Service'];

function ofType(kind: Kind, type: string): [string, Resource][] {
  return Object.entries(resources[kind]).filter(([, resource]) => resource.Type === type);
}

/** Queues of the stateful stack that no function consumes: where what failed elsewhere waits. */
function deadLetterQueues(): [string, Resource][] {
  return ofType('Stateful', 'AWS::SQS::Queue').filter(([, queue]) => !queue.Properties.RedrivePolicy);
}

/** The logical id of the stateful stack's queue named `service-desk-test-<name>`. */
function statefulQueueId(name: string): string {
  const found = ofType('Stateful', 'AWS::SQS::Queue').filter(([, queue]) => queue.Properties.QueueName === `service-desk-test-${name}`);
  expect(found, name).toHaveLength(1);
  return found[0]![0];
}

/**
 * Whether an ARN in a template is that of the stateful stack's queue: `Fn::GetAtt` in the same stack,
 * the stateful stack's output (named after the queue's logical id) in the service stack.
 */
function isArnOf(value: unknown, queueId: string): boolean {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (getAtt) return getAtt[0] === queueId && getAtt[1] === 'Arn';
  const output = (value as { 'Fn::GetStackOutput'?: { StackName: string; OutputName: string } })['Fn::GetStackOutput'];
  return output?.StackName === 'ServiceDesk-test-Stateful' && output.OutputName.includes(`GetAtt${queueId}Arn`);
}

/** Alarms that fire when the named queue holds a message. */
function notEmptyAlarmsOn(kind: Kind, queueId: string): [string, Resource][] {
  return ofType(kind, 'AWS::CloudWatch::Alarm').filter(
    ([, alarm]) =>
      alarm.Properties.Namespace === 'AWS/SQS' &&
      alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
      JSON.stringify(alarm.Properties.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]),
  );
}

describe('dead-letter and failure queues', () => {
  it('keeps two in the stateful stack, the dead-letter queue and the failure queue, and none in the service stack', () => {
    expect(deadLetterQueues().map(([, queue]) => queue.Properties.QueueName)).toEqual(['service-desk-test-dead-letters', 'service-desk-test-failures']);
    expect(ofType('Service', 'AWS::SQS::Queue').filter(([, queue]) => !queue.Properties.RedrivePolicy)).toEqual([]);
  });

  it('gives every queue of both stacks the shared dead-letter queue as its redrive target (a move task returns each message to its own queue)', () => {
    const deadLetters = statefulQueueId('dead-letters');
    const sources = KINDS.flatMap((kind) => ofType(kind, 'AWS::SQS::Queue')).filter(([, queue]) => queue.Properties.RedrivePolicy);
    // email-intake in the stateful stack; intake and notifications in the service stack (Scheduler invokes the SLA timer function directly).
    expect(sources.map(([, queue]) => queue.Properties.QueueName).sort()).toEqual(['email-intake', 'intake', 'notifications'].map((name) => `service-desk-test-${name}`));
    for (const [id, queue] of sources) expect(isArnOf(queue.Properties.RedrivePolicy.deadLetterTargetArn, deadLetters), id).toBe(true);
  });

  it('sends what the stream consumer and the SLA timer function give up on to the failure queue, apart from the redrivable dead letters', () => {
    const failures = statefulQueueId('failures');
    const destinations = [...ofType('Service', 'AWS::Lambda::EventSourceMapping'), ...ofType('Service', 'AWS::Lambda::EventInvokeConfig')].flatMap(([, config]) => {
      const destination = config.Properties.DestinationConfig?.OnFailure?.Destination;
      return destination ? [destination] : [];
    });
    expect(destinations).toHaveLength(2);
    for (const destination of destinations) expect(isArnOf(destination, failures)).toBe(true);
  });

  it('gives each of the two exactly one alarm that fires on its first message, and no other queue an alarm', () => {
    for (const [queueId] of deadLetterQueues()) {
      const alarms = notEmptyAlarmsOn('Stateful', queueId);
      expect(alarms, queueId).toHaveLength(1);
      expect(alarms[0]![1].Properties, queueId).toMatchObject({
        Statistic: 'Maximum',
        Period: 60,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmName: expect.stringMatching(/^service-desk-test-(dead-letters|failures)-not-empty$/),
      });
    }
    const queueAlarms = KINDS.flatMap((kind) => ofType(kind, 'AWS::CloudWatch::Alarm')).filter(([, alarm]) => alarm.Properties.Namespace === 'AWS/SQS');
    expect(queueAlarms).toHaveLength(2);
  });
});

/** The desk's own functions, all named `service-desk-<stage>-...`; CDK's deploy-time helpers are not. */
function deskFunctions(kind: Kind): [string, Resource][] {
  return ofType(kind, 'AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.FunctionName ?? '').startsWith('service-desk-test-'));
}

describe('Lambda throttles', () => {
  const throttleAlarms = (kind: Kind) => ofType(kind, 'AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties.Namespace === 'AWS/Lambda' && alarm.Properties.MetricName === 'Throttles');

  it('keeps every function of the desk in the service stack but the user pool trigger, which the region-wide alarm covers too', () => {
    expect(deskFunctions('Stateful').map(([, fn]) => fn.Properties.FunctionName)).toEqual(['service-desk-test-pre-sign-up']);
    expect(deskFunctions('Service').length).toBeGreaterThan(0);
  });

  it('alarms on the first throttled invocation of any function, with one alarm on the region-wide metric (billed once, not per function)', () => {
    const alarms = throttleAlarms('Service');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]![1].Properties).toMatchObject({
      AlarmName: 'service-desk-test-lambda-throttled',
      AlarmDescription: expect.stringContaining('Throttles metric by function name'),
      Statistic: 'Sum',
      Period: 60,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    expect(alarms[0]![1].Properties.Dimensions).toBeUndefined();
    expect(throttleAlarms('Stateful')).toEqual([]);
  });
});

describe('DynamoDB throttles', () => {
  const tableAlarms = () => ofType('Stateful', 'AWS::CloudWatch::Alarm').filter(([, alarm]) => String(alarm.Properties.AlarmName).startsWith('service-desk-test-table-'));

  it('alarms on the first throttled write of the table or of an index a whole desk writes, and not on reads', () => {
    const tables = ofType('Stateful', 'AWS::DynamoDB::GlobalTable').map(([id]) => id);
    expect(tables).toHaveLength(1);
    const table = tables[0];
    expect(tableAlarms().map(([, alarm]) => alarm.Properties.AlarmName)).toEqual(['service-desk-test-table-writes-throttled']);
    const alarm = tableAlarms()[0]![1].Properties;
    expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    const metrics = (alarm.Metrics as { Id: string; Expression?: string; MetricStat?: { Metric: Record<string, TemplateValue>; Period: number; Stat: string } }[]).filter((metric) => metric.MetricStat);
    const watched = metrics.map((metric) => ({
      name: metric.MetricStat!.Metric.MetricName,
      index: metric.MetricStat!.Metric.Dimensions.find((dimension: { Name: string }) => dimension.Name === 'GlobalSecondaryIndexName')?.Value ?? null,
      table: metric.MetricStat!.Metric.Dimensions.find((dimension: { Name: string }) => dimension.Name === 'TableName')?.Value,
      stat: `${metric.MetricStat!.Stat}/${metric.MetricStat!.Period}`,
    }));
    expect(watched).toEqual([null, ...THROTTLE_WATCHED_INDEXES].map((index) => ({ name: 'WriteThrottleEvents', index, table: { Ref: table }, stat: 'Sum/60' })));
    // Every metric counts, and a minute without data in one of them counts as zero.
    const expression = (alarm.Metrics as { Expression?: string; ReturnData?: boolean }[]).find((metric) => metric.ReturnData !== false)!.Expression;
    expect(expression).toBe(metrics.map((metric) => `FILL(${metric.Id}, 0)`).join(' + '));
  });

  it('watches only indexes the table has', () => {
    const names: string[] = TABLE_INDEXES.map((index) => index.indexName);
    for (const index of THROTTLE_WATCHED_INDEXES) expect(names).toContain(index);
  });
});

describe('what the alarms cost', () => {
  it('reads seven metrics or fewer: the dead-letter and failure queues, Lambda throttles, and the table and its hot indexes for writes', () => {
    const alarms = KINDS.flatMap((kind) => ofType(kind, 'AWS::CloudWatch::Alarm'));
    // CloudWatch bills standard alarms per metric they read: USD 0.10 a month each.
    const metricsRead = alarms.reduce((sum, [, alarm]) => sum + (alarm.Properties.Metrics ? alarm.Properties.Metrics.filter((metric: { MetricStat?: unknown }) => metric.MetricStat).length : 1), 0);
    expect(metricsRead).toBe(2 + 1 + (1 + THROTTLE_WATCHED_INDEXES.length));
    expect(metricsRead).toBeLessThanOrEqual(7);
  });
});
