import type { SlaTimer } from '../domain/sla-timer.ts';

/**
 * Schedules SLA timers by their deterministic name (`timerName`): EventBridge Scheduler on AWS,
 * in-process timers in `npm start`. Both calls are idempotent, so a stream handler that runs twice
 * for the same change does no harm. A firing is delivered at least once as an SQS message whose body
 * is `timerPayload(timer)`.
 */
export interface TimerScheduler {
  /** 'exists' when a timer of the same name is already scheduled (it is left as it is). */
  schedule(timer: SlaTimer): Promise<'created' | 'exists'>;
  /** 'absent' when no timer has the name: never scheduled, cancelled before, or already fired. */
  cancel(name: string): Promise<'deleted' | 'absent'>;
}

/** A scheduler that can also say which timers it holds, for reconciling a ticket's timers with its state. */
export interface ListableTimerScheduler extends TimerScheduler {
  /** Names of the scheduled timers that start with `prefix`. */
  names(prefix: string): Promise<string[]>;
}
