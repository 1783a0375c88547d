import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { parseTimerPayload } from '#shared/domain/sla-timer';
import { logger } from '#shared/observability/logger';
import { handleSlaTimer } from '#shared/use-cases/handle-sla-timer';

/**
 * A fired SLA threshold. EventBridge Scheduler invokes the function asynchronously with the
 * schedule's input as the event (the local timer service in `npm start` does the same); a firing
 * that throws is retried twice by Lambda, then set aside in the failure queue with its error.
 */
export async function handler(event: unknown): Promise<void> {
  try {
    const firing = parseTimerPayload(JSON.stringify(event));
    const outcome = await handleSlaTimer(assignmentDepsFromEnv(), firing);
    logger.info('SLA timer handled', { ticket: firing.ticketKey, metric: firing.metric, threshold: firing.threshold, outcome });
  } catch (error) {
    logger.error('SLA timer failed', { error: error as Error });
    throw error;
  }
}
