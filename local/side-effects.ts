import { join } from 'node:path';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { createLocalDocumentClient } from './dynamodb-local.ts';
import { ENV } from '#shared/environment';
import { DynamoDbAutoReplyLimiter } from '#shared/adapters/dynamodb/dynamodb-auto-reply-limiter';
import { DynamoDbUndeliverableAddresses } from '#shared/adapters/dynamodb/dynamodb-undeliverable-addresses';
import { invokeAsFunction, localFunctionName } from './lambda-invocation.ts';
import { LocalQueue, type SqsConsumer } from './local-queue.ts';
import { LocalAttachmentStore } from './local-attachment-store.ts';
import { startLocalBucketFiles } from './local-bucket-files.ts';
import { LocalRawMailStore } from './local-raw-mail-store.ts';
import { startLocalSes, type LocalSes } from './local-ses.ts';
import { OutboxMailSender } from './outbox-mail-sender.ts';
import { startLocalSqsEndpoint, type LocalSqsEndpoint } from './local-sqs-endpoint.ts';
import { startLocalStream, type LocalStream } from './local-stream.ts';
import { parseLocalVerdicts } from './ses-verdict-headers.ts';
import { EMAIL_INTAKE_QUEUE_NAME, startSmtpIntake, type SmtpIntake } from './smtp-intake.ts';
import { LOCAL_TIMER_QUEUE_NAME, LocalTimerScheduler } from './local-timer-scheduler.ts';

/** The intake queue's name, as on AWS without the stage. */
export const INTAKE_QUEUE_NAME = 'intake';

/** The local stand-in for the SES receipt bucket. */
export const LOCAL_MAIL_BUCKET = 'servicedesk-local-mail';

/**
 * Wraps a handler under the name of the function that runs it on AWS; the benchmarks use it to
 * attribute invocations, time and table use to functions. The identity by default.
 */
export type HandlerInstrument = <Event, Result>(functionName: string, handler: (event: Event) => Promise<Result>) => (event: Event) => Promise<Result>;

const uninstrumented: HandlerInstrument = (_name, handler) => handler;

/**
 * A function Scheduler invokes asynchronously, fed from the local timer queue: each firing is one
 * call with the firing as the event, and one that throws is retried, then dead-lettered.
 */
function asAsyncInvocations(invoke: (event: unknown) => Promise<void>): SqsConsumer {
  return async (event) => {
    const batchItemFailures: { itemIdentifier: string }[] = [];
    for (const record of event.Records) {
      try {
        await invoke(JSON.parse(record.body));
      } catch {
        // The function logged its error, as Lambda's log would hold it.
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

/** A consumer run as its own function, as Lambda runs it: each call one invocation, its logs under its name. */
const asFunction =
  <Event, Result>(name: string, handler: (event: Event) => Promise<Result>) =>
  (event: Event): Promise<Result> =>
    invokeAsFunction(localFunctionName(name), () => handler(event));

export interface RunningSideEffects {
  timers: LocalTimerScheduler;
  stream: LocalStream;
  smtp: SmtpIntake;
  ses: LocalSes;
  notifications: LocalQueue;
  /** The intake queue for other systems, and the SQS endpoint in front of it. */
  intake: { queue: LocalQueue; endpoint: LocalSqsEndpoint; queueUrl: string };
  /** Where exact copies of sent mail are kept. */
  outboxDir: string;
  /** The directory that stands for the mail bucket: raw mail under inbound/, attachments under attachments/. */
  mailDir: string;
  /** Every local queue, to count and redrive their dead letters. */
  queues: readonly LocalQueue[];
  stop(): Promise<void>;
}

/**
 * What AWS runs beside the API, on this machine: the table's stream feeds the same stream handler
 * (SLA timer reconciliation), and exact-time local timers invoke the same `sla-timer` function
 * that EventBridge Scheduler targets on AWS. Call after TABLE_NAME and DYNAMODB_ENDPOINT are set.
 */
export async function startSideEffects(options: {
  endpoint: string;
  tableName: string;
  /** Where the SMTP intake listens; 0 picks a free port. */
  smtpPort: number;
  mailDir?: string;
  /** Where the local SES (and its mail viewer) listens; 0 picks a free port. */
  sesPort: number;
  outboxDir: string;
  /** Where the local SQS endpoint for the intake queue listens; 0 (the default) picks a free port. */
  intakePort?: number;
  log?: (line: string) => void;
  instrument?: HandlerInstrument;
  /** Keeps each queue's dead letters as files under `<deadLetterDir>/<queue>/`, across restarts; in memory only without it. */
  deadLetterDir?: string;
}): Promise<RunningSideEffects> {
  const instrumented = options.instrument ?? uninstrumented;
  const instrument: HandlerInstrument = (name, handler) => instrumented(name, asFunction(name, handler));
  const deadLetters = (queue: string) => (options.deadLetterDir ? { deadLetterDir: join(options.deadLetterDir, queue) } : {});
  const { handler: slaTimerHandler } = await import('../functions/scheduled/sla-timer.ts');
  const { ticketChangesHandler } = await import('../functions/stream/ticket-changes.ts');
  const { emailIntakeHandler } = await import('../functions/sqs/email-intake.ts');
  const { emailIntakeDepsFromEnv } = await import('#shared/composition/email-intake-deps-from-env');
  const { replyAddressSecretFromEnv, signingKeyFromEnv } = await import('#shared/composition/signing-key-from-env');
  const { notificationsHandler } = await import('../functions/sqs/notifications.ts');
  const { ticketDepsFromEnv } = await import('#shared/composition/ticket-deps-from-env');
  const { intakeHandler } = await import('../functions/sqs/intake.ts');
  const { assignmentDepsFromEnv } = await import('#shared/composition/assignment-deps-from-env');
  // Three tries, as Lambda's asynchronous invocation gives a firing Scheduler hands it (the call and two retries).
  const timers = new LocalTimerScheduler({ documentClient: createLocalDocumentClient(options.endpoint), tableName: options.tableName, queue: { maxReceiveCount: 3, ...deadLetters(LOCAL_TIMER_QUEUE_NAME) } });
  await timers.start(asAsyncInvocations(instrument('sla-timer', slaTimerHandler)));

  // Mail out: the same notifications handler, sending through the SES adapter to the local SES.
  const ses = await startLocalSes({ port: options.sesPort });
  const sender = new OutboxMailSender({ sesEndpoint: ses.url, outboxDir: options.outboxDir });
  const limiter = new DynamoDbAutoReplyLimiter(createDocumentClient(options.endpoint), options.tableName);
  const undeliverable = new DynamoDbUndeliverableAddresses(createDocumentClient(options.endpoint), options.tableName);
  const notifications = new LocalQueue({ name: 'notifications', ...(options.log ? { log: options.log } : {}), ...deadLetters('notifications') });
  notifications.start(
    instrument(
      'notifications',
      notificationsHandler(async () => {
        const { config, store, now } = ticketDepsFromEnv();
        // PUBLIC_API_URL is read when a mail goes out: the API may start after the mail sender.
        const approvalLinks = { key: await signingKeyFromEnv().approvalLinkKey(), apiUrl: process.env[ENV.publicApiUrl] ?? 'http://localhost:3000' };
        return { config, store, now, sender, limiter, undeliverable, replyAddressSecret: await replyAddressSecretFromEnv(), approvalLinks };
      }),
    ),
  );
  const notificationQueue = { enqueue: async (items: readonly { id: string }[]) => void items.forEach((item) => notifications.send(JSON.stringify(item))) };

  const stream = await startLocalStream({
    endpoint: options.endpoint,
    tableName: options.tableName,
    consumer: instrument(
      'ticket-changes',
      ticketChangesHandler(() => {
        const { config, store } = ticketDepsFromEnv();
        return { config, store, scheduler: timers, notifications: notificationQueue, webUrl: process.env[ENV.publicWebUrl] ?? 'http://localhost:3000' };
      }),
    ),
    ...(options.log ? { log: options.log } : {}),
  });
  // Inbound mail: stored as SES would store it in S3, then handed to the intake as the S3 notification through SQS.
  const mailStore = new LocalRawMailStore(options.mailDir ? { rootDir: options.mailDir } : {});
  // One local bucket, as on AWS: raw mail under inbound/, attachments under attachments/.
  const attachments = new LocalAttachmentStore(mailStore);
  // Download links are presigned S3 URLs, made against this stand-in of the bucket's GET.
  const bucketFiles = await startLocalBucketFiles({ store: mailStore, bucket: LOCAL_MAIL_BUCKET, port: 0 });
  process.env[ENV.s3Endpoint] = bucketFiles.url;
  process.env[ENV.mailBucket] = LOCAL_MAIL_BUCKET;
  // SES's verdicts pass by default; SES_VERDICTS=dmarc=none,dkim=none tries an unauthenticated sender.
  const verdicts = process.env.SES_VERDICTS ? parseLocalVerdicts(process.env.SES_VERDICTS, 'SES_VERDICTS') : undefined;
  // Each listener has its own in-process queue, so each keeps its own dead letters.
  const intake = (host: string, port: number, queue: string) =>
    startSmtpIntake({
      ...deadLetters(queue),
      host,
      port,
      ...(verdicts ? { verdicts } : {}),
      store: mailStore,
      bucket: LOCAL_MAIL_BUCKET,
      onMessage: instrument(
        'email-intake',
        emailIntakeHandler(async () => ({ deps: { ...(await emailIntakeDepsFromEnv()), attachments }, store: mailStore })),
      ),
      ...(options.log ? { log: options.log } : {}),
    });
  const smtp = await intake('127.0.0.1', options.smtpPort, EMAIL_INTAKE_QUEUE_NAME);
  // Requests from other systems: the intake queue, reachable with the SQS SendMessage call.
  const intakeQueue = new LocalQueue({ name: INTAKE_QUEUE_NAME, ...(options.log ? { log: options.log } : {}), ...deadLetters(INTAKE_QUEUE_NAME) });
  intakeQueue.start(instrument('intake', intakeHandler(assignmentDepsFromEnv)));
  const sqs = await startLocalSqsEndpoint({ host: '127.0.0.1', port: options.intakePort ?? 0, queues: { [INTAKE_QUEUE_NAME]: intakeQueue } });
  // Mail clients may resolve localhost to ::1 first: listen on both loopbacks, never beyond them.
  const smtpIpv6 = await intake('::1', smtp.port, `${EMAIL_INTAKE_QUEUE_NAME}-ipv6`).catch(() => undefined);
  return {
    timers,
    stream,
    smtp,
    ses,
    notifications,
    intake: { queue: intakeQueue, endpoint: sqs, queueUrl: sqs.queueUrl(INTAKE_QUEUE_NAME) },
    outboxDir: options.outboxDir,
    mailDir: mailStore.rootDir,
    queues: [timers.firings, notifications, intakeQueue, smtp.queue, ...(smtpIpv6 ? [smtpIpv6.queue] : [])],
    async stop() {
      await bucketFiles.close();
      await sqs.close();
      await intakeQueue.stop();
      await smtp.close();
      await smtpIpv6?.close();
      await stream.stop();
      await timers.stop();
      await notifications.stop();
      await ses.close();
    },
  };
}
