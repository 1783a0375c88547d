import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { LocalRawMailStore } from './local-raw-mail-store.ts';
import { startLocalStream, type LocalStream } from './local-stream.ts';
import { startSmtpIntake, type SmtpIntake } from './smtp-intake.ts';
import { LocalTimerScheduler } from './local-timer-scheduler.ts';

/** The local stand-in for the SES receipt bucket. */
export const LOCAL_MAIL_BUCKET = 'servicedesk-local-mail';

export interface RunningSideEffects {
  timers: LocalTimerScheduler;
  stream: LocalStream;
  smtp: SmtpIntake;
  stop(): Promise<void>;
}

/**
 * What AWS runs beside the API, on this machine: the table's stream feeds the same stream handler
 * (SLA timer reconciliation), and exact-time local timers feed the same `sla-timers` queue handler
 * that EventBridge Scheduler targets on AWS. Call after TABLE_NAME and DYNAMODB_ENDPOINT are set.
 */
export async function startSideEffects(options: {
  endpoint: string;
  tableName: string;
  /** Where the SMTP intake listens; 0 picks a free port. */
  smtpPort: number;
  mailDir?: string;
  log?: (line: string) => void;
}): Promise<RunningSideEffects> {
  const { handler: slaTimerHandler } = await import('../functions/sqs/sla-timer.ts');
  const { ticketChangesHandler } = await import('../functions/stream/ticket-changes.ts');
  const { emailIntakeHandler } = await import('../functions/sqs/email-intake.ts');
  const { emailIntakeDepsFromEnv } = await import('#shared/composition/email-intake-deps-from-env');
  const timers = new LocalTimerScheduler({ documentClient: createDocumentClient(options.endpoint), tableName: options.tableName });
  await timers.start(slaTimerHandler);
  const stream = await startLocalStream({
    endpoint: options.endpoint,
    tableName: options.tableName,
    consumer: ticketChangesHandler(() => timers),
    ...(options.log ? { log: options.log } : {}),
  });
  // Inbound mail: stored as SES would store it in S3, then handed to the intake as the S3 notification through SQS.
  const mailStore = new LocalRawMailStore(options.mailDir ? { rootDir: options.mailDir } : {});
  const intake = (host: string, port: number) =>
    startSmtpIntake({
      host,
      port,
      store: mailStore,
      bucket: LOCAL_MAIL_BUCKET,
      onMessage: emailIntakeHandler(async () => ({ deps: await emailIntakeDepsFromEnv(), store: mailStore })),
      ...(options.log ? { log: options.log } : {}),
    });
  const smtp = await intake('127.0.0.1', options.smtpPort);
  // Mail clients may resolve localhost to ::1 first: listen on both loopbacks, never beyond them.
  const smtpIpv6 = await intake('::1', smtp.port).catch(() => undefined);
  return {
    timers,
    stream,
    smtp,
    async stop() {
      await smtp.close();
      await smtpIpv6?.close();
      await stream.stop();
      await timers.stop();
    },
  };
}
