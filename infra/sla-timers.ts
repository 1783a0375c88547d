import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { nagArn } from './nag-text.ts';
import type { DeadLetters } from './dead-letters.ts';
import { ENV } from '../shared/environment.ts';
import type { StageSettings } from './stage.ts';

export interface SlaTimersProps {
  settings: StageSettings;
  /** The desk's dead-letter and failure queues (infra/dead-letters.ts), in the stateful stack. */
  deadLetters: DeadLetters;
}

/** Lambda's retries of a firing that throws (its most): three tries in all, a minute and then two apart. */
export const TIMER_RETRY_ATTEMPTS = 2;

/** How long Lambda keeps a firing it could not start yet (throttled): six hours, its most. */
export const TIMER_MAX_EVENT_AGE = Duration.hours(6);

/** The only actions a function that manages timers gets on Scheduler. */
export const SCHEDULE_MANAGE_ACTIONS = ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'] as const;

/**
 * The plumbing of SLA timers: one-time EventBridge Scheduler schedules in their own group invoke the
 * `sla-timer` function, asynchronously, with the timer as the event. No queue in between: a queue
 * would add batching (nothing to batch: a firing is one ticket's one threshold) and a redrive, and
 * cost its poller's empty receives around the clock. Scheduler retries a firing it cannot hand to
 * Lambda for 24 hours, then puts it in the failure queue with Scheduler's error; Lambda retries one
 * that throws twice, then puts it there too, with the function's error. Either way the daily sweep
 * makes the ticket's schedules match its state again, so a missed threshold fires again within a day.
 */
export class SlaTimers extends Construct {
  /** Where firings that failed for good wait: the desk's failure queue, which alarms. */
  readonly deadLetterQueue: Queue;
  readonly scheduleGroupName: string;
  /** The role Scheduler assumes to deliver firings; it may only invoke the timer function and send to the failure queue. */
  readonly schedulerRole: Role;
  private target?: LambdaFunction;

  constructor(scope: Construct, id: string, props: SlaTimersProps) {
    super(scope, id);
    const { stage } = props.settings;
    const stack = Stack.of(this);
    this.deadLetterQueue = props.deadLetters.failures;

    this.scheduleGroupName = `service-desk-${stage}-sla`;
    new CfnScheduleGroup(this, 'ScheduleGroup', { name: this.scheduleGroupName });
    const groupArn = stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: this.scheduleGroupName });

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: `Delivers SLA timer firings to their function (${stage})`,
      // Only Scheduler in this account, for schedules of this group: no confused deputy.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': groupArn },
        },
      }),
    });
    // The failure queue is Scheduler's own dead-letter target for firings it cannot deliver.
    this.schedulerRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));
  }

  /**
   * Makes the function the schedules' target: Scheduler may invoke it, Lambda retries a firing that
   * throws twice and then sends its record (the firing as `requestPayload`, the error as
   * `responsePayload`) to the failure queue. Call before any grantManageSchedules, which tells the managers its ARN.
   */
  setTarget(fn: LambdaFunction): void {
    if (this.target) throw new Error(`${this.node.path}: the SLA timers already have a target (${this.target.node.path})`);
    this.target = fn;
    fn.configureAsyncInvoke({ retryAttempts: TIMER_RETRY_ATTEMPTS, maxEventAge: TIMER_MAX_EVENT_AGE, onFailure: new SqsDestination(this.deadLetterQueue) });
    this.schedulerRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }));
  }

  /**
   * Lets a function create and delete schedules of the SLA group, and pass the scheduler role to
   * Scheduler, and gives it the variables EventBridgeTimerScheduler reads: grant and configuration
   * in one place so they cannot drift apart.
   */
  grantManageSchedules(fn: LambdaFunction): void {
    if (!this.target) throw new Error(`${this.node.path}: call setTarget(fn) before grantManageSchedules(${fn.node.path}): the schedules need their target`);
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...SCHEDULE_MANAGE_ACTIONS],
        resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.scheduleGroupName}/*` })],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    fn.addEnvironment(ENV.slaTimerScheduleGroup, this.scheduleGroupName);
    fn.addEnvironment(ENV.slaTimerTargetArn, this.target.functionArn);
    fn.addEnvironment(ENV.slaTimerDeadLetterQueueArn, this.deadLetterQueue.queueArn);
    fn.addEnvironment(ENV.slaTimerSchedulerRoleArn, this.schedulerRole.roleArn);
    if (fn.role) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArn(stack, 'scheduler', `schedule/${this.scheduleGroupName}/*`)}]`,
        reason: 'Schedule names are made per ticket at run time (sla.<ticket>.<metric>.<threshold>.v<version>); the wildcard covers the SLA schedule group only.',
      });
    }
  }

  /**
   * Lets a function list the schedules (to reconcile a ticket's timers with its state). ListSchedules
   * has no resource-level permission in IAM, so it is granted on `*`; it reads names, nothing more.
   */
  grantListSchedules(fn: LambdaFunction): void {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['scheduler:ListSchedules'], resources: ['*'] }));
    if (fn.role) {
      Validations.of(fn.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'scheduler:ListSchedules supports no resource-level permissions; the sweep lists schedule names by prefix, nothing more.',
      });
    }
  }
}
