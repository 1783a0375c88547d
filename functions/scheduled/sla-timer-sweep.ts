import { eventBridgeTimerSchedulerFromEnv } from '#shared/adapters/scheduler/eventbridge-timer-scheduler';
import { ticketDepsFromEnv } from '#shared/composition/ticket-deps-from-env';
import { logger } from '#shared/observability/logger';
import { sweepSlaTimers } from '#shared/use-cases/reconcile-sla-timers';

/**
 * Once a day (an EventBridge rule): every active ticket's SLA schedules are made to match its
 * state, so a change the stream consumer gave up on (its failure queue) cannot leave a deadline
 * without its timer for more than a day. A failed run throws and is retried by EventBridge.
 */
export const handler = async (): Promise<void> => {
  const { config, store } = ticketDepsFromEnv();
  const result = await sweepSlaTimers({ config, store, scheduler: eventBridgeTimerSchedulerFromEnv() });
  logger.info('SLA timers swept', { ...result });
};
