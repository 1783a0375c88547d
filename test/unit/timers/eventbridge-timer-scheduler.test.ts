import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient, ValidationException } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  atExpression,
  eventBridgeTimerConfigFromEnv,
  EventBridgeTimerScheduler,
  TimerSchedulerConfigError,
  type EventBridgeTimerConfig,
} from '../../../shared/adapters/scheduler/eventbridge-timer-scheduler.ts';
import type { SlaTimer } from '../../../shared/domain/sla-timer.ts';

const client = new SchedulerClient({ region: 'eu-west-1' });
const scheduler = mockClient(client);

const config: EventBridgeTimerConfig = {
  groupName: 'service-desk-test-sla',
  targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:service-desk-test-sla-timer',
  deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:service-desk-test-failures',
  roleArn: 'arn:aws:iam::123456789012:role/sla-scheduler',
};
const now = new Date('2026-11-02T08:00:00.000Z');
const timers = new EventBridgeTimerScheduler(client, config, () => now);

const timer: SlaTimer = { ticketKey: 'SD-123', metric: 'first_response', threshold: 75, slaVersion: 4, at: '2026-11-02T09:30:00.000Z' };

beforeEach(() => scheduler.reset());

describe('the EventBridge timer scheduler', () => {
  it('creates a one-time schedule in the group that sends the timer to the queue and deletes itself', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-1:123456789012:schedule/service-desk-test-sla/sla.SD-123.fr.75.v4' });
    await expect(timers.schedule(timer)).resolves.toBe('created');
    expect(scheduler).toHaveReceivedCommandTimes(CreateScheduleCommand, 1);
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input).toEqual({
      Name: 'sla.SD-123.fr.75.v4',
      GroupName: 'service-desk-test-sla',
      ScheduleExpression: 'at(2026-11-02T09:30:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: config.targetArn,
        RoleArn: config.roleArn,
        Input: JSON.stringify({ type: 'sla_timer', ...timer }),
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
        DeadLetterConfig: { Arn: config.deadLetterQueueArn },
      },
    });
  });

  it('answers exists when the name is taken', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'Schedule sla.SD-123.fr.75.v4 already exists.', Message: 'Schedule sla.SD-123.fr.75.v4 already exists.', $metadata: {} }));
    await expect(timers.schedule(timer)).resolves.toBe('exists');
  });

  it('throws any other failure', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ValidationException({ message: 'bad', Message: 'bad', $metadata: {} }));
    await expect(timers.schedule(timer)).rejects.toBeInstanceOf(ValidationException);
  });

  it('refuses an invalid timer before calling Scheduler', async () => {
    await expect(timers.schedule({ ...timer, ticketKey: 'SD#1' })).rejects.toThrow(/ticketKey/);
    expect(scheduler).not.toHaveReceivedCommand(CreateScheduleCommand);
  });

  it('schedules an overdue timer a few seconds from now', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    await timers.schedule({ ...timer, at: '2026-11-01T12:00:00.000Z' });
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, { ScheduleExpression: 'at(2026-11-02T08:00:05)' });
  });

  it('deletes a schedule by name in the group', async () => {
    scheduler.on(DeleteScheduleCommand).resolves({});
    await expect(timers.cancel('sla.SD-123.fr.75.v4')).resolves.toBe('deleted');
    expect(scheduler).toHaveReceivedCommandWith(DeleteScheduleCommand, { Name: 'sla.SD-123.fr.75.v4', GroupName: 'service-desk-test-sla' });
  });

  it('answers absent for a schedule that is not there (never made, or fired and deleted)', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ResourceNotFoundException({ message: 'Schedule not found.', Message: 'Schedule not found.', $metadata: {} }));
    await expect(timers.cancel('sla.SD-123.fr.75.v4')).resolves.toBe('absent');
  });

  it('throws any other failure to delete', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ValidationException({ message: 'bad', Message: 'bad', $metadata: {} }));
    await expect(timers.cancel('sla.SD-123.fr.75.v4')).rejects.toBeInstanceOf(ValidationException);
  });
});

describe('at() expressions', () => {
  it('writes the UTC time to the second', () => {
    expect(atExpression('2026-11-02T09:30:00.000Z', now)).toBe('at(2026-11-02T09:30:00)');
  });

  it('rounds a fraction of a second up, so a firing never comes before its deadline', () => {
    expect(atExpression('2026-11-02T09:30:00.001Z', now)).toBe('at(2026-11-02T09:30:01)');
  });

  it('moves a time in the past or too close to now to five seconds from now', () => {
    expect(atExpression('2020-01-01T00:00:00.000Z', now)).toBe('at(2026-11-02T08:00:05)');
    expect(atExpression('2026-11-02T08:00:02.000Z', new Date('2026-11-02T08:00:00.500Z'))).toBe('at(2026-11-02T08:00:06)');
  });
});

describe('scheduler configuration', () => {
  const env = {
    SLA_TIMER_SCHEDULE_GROUP: config.groupName,
    SLA_TIMER_TARGET_ARN: config.targetArn,
    SLA_TIMER_DLQ_ARN: config.deadLetterQueueArn,
    SLA_TIMER_SCHEDULER_ROLE_ARN: config.roleArn,
  };

  it('reads the group, queues and role from the environment', () => {
    expect(eventBridgeTimerConfigFromEnv(env)).toEqual(config);
  });

  it('names every missing variable', () => {
    const { SLA_TIMER_TARGET_ARN: _queue, SLA_TIMER_SCHEDULER_ROLE_ARN: _role, ...partial } = env;
    expect(() => eventBridgeTimerConfigFromEnv(partial)).toThrow(TimerSchedulerConfigError);
    expect(() => eventBridgeTimerConfigFromEnv(partial)).toThrow(/^Environment variables SLA_TIMER_TARGET_ARN, SLA_TIMER_SCHEDULER_ROLE_ARN not set/);
  });
});
