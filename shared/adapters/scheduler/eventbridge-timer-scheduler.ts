import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, paginateListSchedules, ResourceNotFoundException, SchedulerClient } from '@aws-sdk/client-scheduler';
import { timerName, timerPayload, type SlaTimer } from '../../domain/sla-timer.ts';
import { ENV } from '../../environment.ts';
import { injectFaultsFromEnv } from '#fault-injection';
import type { ListableTimerScheduler } from '../../ports/timer-scheduler.ts';
import { SILENT_SDK_LOGGER } from '../aws-http/silent-sdk-logger.ts';

/** Where the schedules live and what they deliver to; the SlaTimers construct sets all four. */
export interface EventBridgeTimerConfig {
  groupName: string;
  /** The `sla-timer` function, which Scheduler invokes asynchronously with the timer as the event. */
  targetArn: string;
  deadLetterQueueArn: string;
  /** The role Scheduler assumes to invoke the function and send to the dead-letter queue. */
  roleArn: string;
}

/**
 * How far ahead a timer that is already due (or about to be) is scheduled. A one-time `at()` in
 * the past is not something to rely on (it is refused or never runs), so an overdue timer is moved
 * to just after now: it then fires within Scheduler's usual minute, which is what overdue means.
 */
export const MIN_SCHEDULE_LEAD_MS = 5_000;

/**
 * Delivery retries from Scheduler to Lambda: the most Scheduler allows (24 h, 185 attempts). A lost
 * firing is a breach nobody hears about, and a refused invoke (throttled, or a deploy) is short, so
 * keep trying; what still fails goes to the dead-letter queue, which alarms.
 */
export const TIMER_RETRY_POLICY = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 } as const;

/** Thrown at cold start when the function lacks a variable; names every missing one. */
export class TimerSchedulerConfigError extends Error {
  constructor(readonly missing: string[]) {
    super(`Environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not set: grant the function with SlaTimers.grantManageSchedules(fn)`);
    this.name = 'TimerSchedulerConfigError';
  }
}

/** Reads the scheduler configuration from the environment, failing with the names of all missing variables. */
export function eventBridgeTimerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventBridgeTimerConfig {
  const names = {
    groupName: ENV.slaTimerScheduleGroup,
    targetArn: ENV.slaTimerTargetArn,
    deadLetterQueueArn: ENV.slaTimerDeadLetterQueueArn,
    roleArn: ENV.slaTimerSchedulerRoleArn,
  } as const;
  const missing = Object.values(names).filter((name) => !env[name]);
  if (missing.length > 0) throw new TimerSchedulerConfigError(missing);
  return {
    groupName: env[names.groupName]!,
    targetArn: env[names.targetArn]!,
    deadLetterQueueArn: env[names.deadLetterQueueArn]!,
    roleArn: env[names.roleArn]!,
  };
}

/**
 * `at(yyyy-mm-ddThh:mm:ss)` in UTC for a timer, rounded up to the whole second (a firing must never
 * come before its deadline) and at least MIN_SCHEDULE_LEAD_MS after `now`.
 */
export function atExpression(at: string, now: Date): string {
  const due = Math.max(Date.parse(at), now.getTime() + MIN_SCHEDULE_LEAD_MS);
  const wholeSecond = Math.ceil(due / 1000) * 1000;
  return `at(${new Date(wholeSecond).toISOString().slice(0, 19)})`;
}

/** SLA timers as one-time EventBridge Scheduler schedules that invoke the timer function with the timer and delete themselves. */
export class EventBridgeTimerScheduler implements ListableTimerScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly config: EventBridgeTimerConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async schedule(timer: SlaTimer): Promise<'created' | 'exists'> {
    const { groupName, targetArn, deadLetterQueueArn, roleArn } = this.config;
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: timerName(timer),
          GroupName: groupName,
          ScheduleExpression: atExpression(timer.at, this.now()),
          ScheduleExpressionTimezone: 'UTC',
          // Exact time: a flexible window would let a breach fire up to the window late.
          FlexibleTimeWindow: { Mode: 'OFF' },
          // One-time schedules otherwise stay behind and count against the 10 M per region.
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: targetArn,
            RoleArn: roleArn,
            Input: timerPayload(timer),
            RetryPolicy: { ...TIMER_RETRY_POLICY },
            DeadLetterConfig: { Arn: deadLetterQueueArn },
          },
        }),
      );
      return 'created';
    } catch (error) {
      // Same name means same ticket, metric, threshold and SLA version: the timer is already there.
      if (error instanceof ConflictException) return 'exists';
      throw error;
    }
  }

  async names(prefix: string): Promise<string[]> {
    const names: string[] = [];
    for await (const page of paginateListSchedules({ client: this.client }, { GroupName: this.config.groupName, NamePrefix: prefix })) {
      names.push(...(page.Schedules ?? []).flatMap((schedule) => (schedule.Name ? [schedule.Name] : [])));
    }
    return names;
  }

  async cancel(name: string): Promise<'deleted' | 'absent'> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.config.groupName }));
      return 'deleted';
    } catch (error) {
      // Never created, deleted before, or fired and deleted itself (ActionAfterCompletion).
      if (error instanceof ResourceNotFoundException) return 'absent';
      throw error;
    }
  }
}

let fromEnv: EventBridgeTimerScheduler | undefined;

/** The function's scheduler: client and configuration made once per cold start. */
export function eventBridgeTimerSchedulerFromEnv(): EventBridgeTimerScheduler {
  fromEnv ??= new EventBridgeTimerScheduler(injectFaultsFromEnv(new SchedulerClient({ logger: SILENT_SDK_LOGGER }), 'scheduler'), eventBridgeTimerConfigFromEnv());
  return fromEnv;
}
