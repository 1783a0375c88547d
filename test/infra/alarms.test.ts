import { beforeAll, describe, expect, it } from 'vitest';
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

/** The logical id behind `{ "Fn::GetAtt": [id, "Arn"] }`, the form every same-stack queue ARN takes. */
function arnTarget(value: unknown): string {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (!getAtt || getAtt[1] !== 'Arn') throw new Error(`not a same-stack ARN: ${JSON.stringify(value)}`);
  return getAtt[0];
}

/** Queues that hold what failed elsewhere: redrive targets of other queues and failure destinations of event source mappings. */
function deadLetterQueues(kind: Kind): string[] {
  const redriveTargets = ofType(kind, 'AWS::SQS::Queue').flatMap(([, queue]) => (queue.Properties.RedrivePolicy ? [arnTarget(queue.Properties.RedrivePolicy.deadLetterTargetArn)] : []));
  const failureDestinations = ofType(kind, 'AWS::Lambda::EventSourceMapping').flatMap(([, mapping]) => {
    const destination = mapping.Properties.DestinationConfig?.OnFailure?.Destination;
    return destination ? [arnTarget(destination)] : [];
  });
  return [...new Set([...redriveTargets, ...failureDestinations])].sort();
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
  it.each([
    ['Stateful', 1], // email-intake
    ['Service', 4], // sla-timers, notifications, intake, and the stream consumer's failure queue
  ] as const)('finds every one of the %s stack (%i)', (kind, count) => {
    expect(deadLetterQueues(kind)).toHaveLength(count);
  });

  it.each(KINDS)('gives each one of the %s stack exactly one alarm that fires on its first message', (kind) => {
    for (const queueId of deadLetterQueues(kind)) {
      const alarms = notEmptyAlarmsOn(kind, queueId);
      expect(alarms, queueId).toHaveLength(1);
      expect(alarms[0]![1].Properties, queueId).toMatchObject({
        Statistic: 'Maximum',
        Period: 60,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmName: expect.stringMatching(/^service-desk-test-.+-not-empty$/),
      });
    }
  });

  it.each(KINDS)('has as many queue alarms as dead-letter queues in the %s stack', (kind) => {
    const queueAlarms = ofType(kind, 'AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties.Namespace === 'AWS/SQS');
    expect(queueAlarms).toHaveLength(deadLetterQueues(kind).length);
  });

  it.each(KINDS)('leaves no queue of the %s stack without a dead-letter queue unless it is one', (kind) => {
    const deadLetters = new Set(deadLetterQueues(kind));
    const unprotected = ofType(kind, 'AWS::SQS::Queue')
      .filter(([id, queue]) => !queue.Properties.RedrivePolicy && !deadLetters.has(id))
      .map(([id]) => id);
    expect(unprotected).toEqual([]);
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
  const tableAlarm = (kind: 'Read' | 'Write') => {
    const found = ofType('Stateful', 'AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties.AlarmName === `service-desk-test-table-${kind.toLowerCase()}s-throttled`);
    expect(found).toHaveLength(1);
    return found[0]![1].Properties;
  };

  it.each(['Read', 'Write'] as const)('alarms on the first throttled %s of the table or any of its indexes', (kind) => {
    const tables = ofType('Stateful', 'AWS::DynamoDB::GlobalTable').map(([id]) => id);
    expect(tables).toHaveLength(1);
    const table = tables[0];
    const alarm = tableAlarm(kind);
    expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    const metrics = (alarm.Metrics as { Id: string; Expression?: string; MetricStat?: { Metric: Record<string, TemplateValue>; Period: number; Stat: string } }[]).filter((metric) => metric.MetricStat);
    const watched = metrics.map((metric) => ({
      name: metric.MetricStat!.Metric.MetricName,
      index: metric.MetricStat!.Metric.Dimensions.find((dimension: { Name: string }) => dimension.Name === 'GlobalSecondaryIndexName')?.Value ?? null,
      table: metric.MetricStat!.Metric.Dimensions.find((dimension: { Name: string }) => dimension.Name === 'TableName')?.Value,
      stat: `${metric.MetricStat!.Stat}/${metric.MetricStat!.Period}`,
    }));
    expect(watched).toEqual([null, ...TABLE_INDEXES.map((index) => index.indexName)].map((index) => ({ name: `${kind}ThrottleEvents`, index, table: { Ref: table }, stat: 'Sum/60' })));
    // Every metric counts, and a minute without data in one of them counts as zero.
    const expression = (alarm.Metrics as { Expression?: string; ReturnData?: boolean }[]).find((metric) => metric.ReturnData !== false)!.Expression;
    expect(expression).toBe(metrics.map((metric) => `FILL(${metric.Id}, 0)`).join(' + '));
  });
});

describe('what the alarms cost', () => {
  it('reads one metric per dead-letter queue, one for Lambda throttles, and one per table and index for reads and for writes', () => {
    const alarms = KINDS.flatMap((kind) => ofType(kind, 'AWS::CloudWatch::Alarm'));
    // CloudWatch bills standard alarms per metric they read: USD 0.10 a month each.
    const metricsRead = alarms.reduce((sum, [, alarm]) => sum + (alarm.Properties.Metrics ? alarm.Properties.Metrics.filter((metric: { MetricStat?: unknown }) => metric.MetricStat).length : 1), 0);
    const deadLetters = KINDS.flatMap((kind) => deadLetterQueues(kind)).length;
    expect(metricsRead).toBe(deadLetters + 1 + 2 * (1 + TABLE_INDEXES.length));
  });
});
