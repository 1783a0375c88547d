import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { QueueWithDeadLetters } from './constructs/queue-with-dead-letters.ts';
import { consumeQueue } from './constructs/queue-consumer.ts';
import type { DeadLetters } from './dead-letters.ts';
import { nagArn } from './nag-text.ts';
import { ENV } from '../shared/environment.ts';
import type { StageSettings } from './stage.ts';

export interface SlaTimersProps {
  settings: StageSettings;
  /** The desk's dead-letter and failure queues (infra/dead-letters.ts), in the stateful stack. */
  deadLetters: DeadLetters;
}

/** Lambda's rule for SQS event sources: the visibility timeout at least six times the function timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/** Room for consumers of up to 10 s (the project's function timeout) at the factor of six. */
export const TIMER_QUEUE_VISIBILITY_TIMEOUT = Duration.seconds(60);

/** Receives before a firing goes to the dead-letter queue. */
export const TIMER_MAX_RECEIVE_COUNT = 5;

/** Records per consumer invocation. */
export const TIMER_BATCH_SIZE = 10;

/** The only actions a function that manages timers gets on Scheduler. */
export const SCHEDULE_MANAGE_ACTIONS = ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'] as const;

/**
 * The plumbing of SLA timers: one-time EventBridge Scheduler schedules in their own group send the
 * timer to the `sla-timers` queue, whose consumer applies the firing. What the consumer fails five
 * times moves to the desk's dead-letter queue (a redrive returns it here); what Scheduler cannot
 * deliver goes to the failure queue with Scheduler's error. Both alarm.
 */
export class SlaTimers extends Construct {
  readonly queue: Queue;
  /** Scheduler's own dead-letter target: the desk's failure queue (a move task cannot redrive what Scheduler put there). */
  readonly deadLetterQueue: Queue;
  readonly scheduleGroupName: string;
  /** The role Scheduler assumes to deliver firings; it may only send to the two queues. */
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: SlaTimersProps) {
    super(scope, id);
    const { stage } = props.settings;
    const stack = Stack.of(this);

    // Five tries ride out a throttled table or a deploy; a firing that fails more is a bug to look at.
    const queues = new QueueWithDeadLetters(this, 'Queues', {
      queueName: `service-desk-${stage}-sla-timers`,
      visibilityTimeout: TIMER_QUEUE_VISIBILITY_TIMEOUT,
      maxReceiveCount: TIMER_MAX_RECEIVE_COUNT,
      deadLetters: props.deadLetters,
    });
    this.queue = queues.queue;
    this.deadLetterQueue = props.deadLetters.failures;

    this.scheduleGroupName = `service-desk-${stage}-sla`;
    new CfnScheduleGroup(this, 'ScheduleGroup', { name: this.scheduleGroupName });
    const groupArn = stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: this.scheduleGroupName });

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: `Delivers SLA timer firings to their queue (${stage})`,
      // Only Scheduler in this account, for schedules of this group: no confused deputy.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': groupArn },
        },
      }),
    });
    // SendMessage only: the failure queue is Scheduler's own dead-letter target for firings it cannot deliver.
    this.schedulerRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn, this.deadLetterQueue.queueArn] }));
  }

  /**
   * Lets a function create and delete schedules of the SLA group, and pass the scheduler role to
   * Scheduler, and gives it the variables EventBridgeTimerScheduler reads: grant and configuration
   * in one place so they cannot drift apart.
   */
  grantManageSchedules(fn: LambdaFunction): void {
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
    fn.addEnvironment(ENV.slaTimerQueueArn, this.queue.queueArn);
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

  /**
   * Makes the function the queue's consumer: batches of 10 with partial batch failures, so one bad
   * firing is retried alone. Refuses a function whose timeout the visibility timeout does not cover
   * six times, since a record could then be delivered again while still being processed.
   */
  addConsumer(fn: LambdaFunction): void {
    const timeout = fn.timeout ?? Duration.seconds(3);
    if (timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR > TIMER_QUEUE_VISIBILITY_TIMEOUT.toSeconds()) {
      throw new Error(
        `${fn.node.path}: a timeout of ${timeout.toSeconds()} s needs a queue visibility timeout of at least ` +
          `${timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR} s; the SLA timers queue has ${TIMER_QUEUE_VISIBILITY_TIMEOUT.toSeconds()} s`,
      );
    }
    consumeQueue(fn, this.queue, TIMER_BATCH_SIZE);
  }
}
