import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { startLocalStream, type LocalStream } from './local-stream.ts';
import { LocalTimerScheduler } from './local-timer-scheduler.ts';

export interface RunningSideEffects {
  timers: LocalTimerScheduler;
  stream: LocalStream;
  stop(): Promise<void>;
}

/**
 * What AWS runs beside the API, on this machine: the table's stream feeds the same stream handler
 * (SLA timer reconciliation), and exact-time local timers feed the same `sla-timers` queue handler
 * that EventBridge Scheduler targets on AWS. Call after TABLE_NAME and DYNAMODB_ENDPOINT are set.
 */
export async function startSideEffects(options: { endpoint: string; tableName: string; log?: (line: string) => void }): Promise<RunningSideEffects> {
  const { handler: slaTimerHandler } = await import('../functions/sqs/sla-timer.ts');
  const { ticketChangesHandler } = await import('../functions/stream/ticket-changes.ts');
  const timers = new LocalTimerScheduler({ documentClient: createDocumentClient(options.endpoint), tableName: options.tableName });
  await timers.start(slaTimerHandler);
  const stream = await startLocalStream({
    endpoint: options.endpoint,
    tableName: options.tableName,
    consumer: ticketChangesHandler(() => timers),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    timers,
    stream,
    async stop() {
      await stream.stop();
      await timers.stop();
    },
  };
}
