import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { parseTimerPayload } from '#shared/domain/sla-timer';
import { logger } from '#shared/observability/logger';
import { sqsBatchHandler } from '#shared/queue/sqs-batch-handler';
import { handleSlaTimer } from '#shared/use-cases/handle-sla-timer';

/**
 * Fired SLA thresholds, from the `sla-timers` queue (EventBridge Scheduler on AWS, the local timer
 * service in `npm start`). A message that fails is reported alone and retried, then dead-lettered.
 */
export const handler = sqsBatchHandler('SLA timer failed', async (record) => {
  const firing = parseTimerPayload(record.body);
  const outcome = await handleSlaTimer(assignmentDepsFromEnv(), firing);
  logger.info('SLA timer handled', { ticket: firing.ticketKey, metric: firing.metric, threshold: firing.threshold, outcome });
});
