import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { parseIntakeMessage } from '#shared/intake/intake-message';
import { logger } from '#shared/observability/logger';
import { sqsBatchHandler } from '#shared/queue/sqs-batch-handler';
import type { AssignmentDeps } from '#shared/use-cases/choose-assignee';
import { ingestIntakeMessage } from '#shared/use-cases/ingest-intake-message';

/**
 * JSON requests from other systems, from the `intake` queue: each becomes a ticket, or a note on the
 * ticket its external id opened. A message that fails (unreadable, or refused by the ticket rules)
 * is reported alone with its reason, retried, then dead-lettered; the rest of the batch goes on.
 */
export function intakeHandler(dependencies: () => AssignmentDeps) {
  return sqsBatchHandler('Intake message failed', async (record) => {
    const message = parseIntakeMessage(record.body);
    const result = await ingestIntakeMessage(dependencies(), message, record.messageId);
    logger.info('Intake message handled', { source: message.source, externalId: message.externalId, ...result });
  });
}

export const handler = intakeHandler(assignmentDepsFromEnv);
