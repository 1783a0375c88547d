import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { s3ObjectCreatedNotification } from '#shared/adapters/s3/s3-event-notification';
import { MAX_RAW_MAIL_BYTES } from '#shared/ports/raw-mail-store';
import { LocalQueue, type DeadLetter, type SqsConsumer } from './local-queue.ts';
import type { LocalRawMailStore } from './local-raw-mail-store.ts';
import { LocalRuntimeError } from './local-runtime-error.ts';
import { headerFromDomain, PASSING_VERDICTS, sesVerdictHeaders, type LocalVerdictRule, type LocalVerdicts } from './ses-verdict-headers.ts';

/** The queue the S3 notifications of new raw mail go to, as named in the stack. */
export const EMAIL_INTAKE_QUEUE_NAME = 'email-intake';

/** Where new messages are stored in the bucket, as the receipt rule's S3 action sets its object key prefix. */
export const DEFAULT_RAW_MAIL_PREFIX = 'inbound/';

/** How long `close()` lets an open SMTP session finish before it is cut (smtp-server waits 30 s by default). */
const CLOSE_TIMEOUT_MS = 2_000;

export interface SmtpIntakeOptions {
  /** The port to listen on; 0 picks a free one (read it from the result). */
  port: number;
  /** 127.0.0.1 by default: the server has no authentication and no TLS, so it stays on loopback. */
  host?: string;
  /** Where each message is stored, one file per message. */
  store: LocalRawMailStore;
  /** The bucket name the notifications carry, as the handler would see it on AWS. */
  bucket: string;
  /** The key prefix of stored messages; DEFAULT_RAW_MAIL_PREFIX by default. */
  keyPrefix?: string;
  /** The `email-intake` consumer: the same handler Lambda runs, called with an SQS event of one record. */
  onMessage: SqsConsumer;
  /** Larger messages are refused with 552; MAX_RAW_MAIL_BYTES (SES's 40 MB) by default. */
  maxMessageBytes?: number;
  /** Receives before a notification is dead-lettered; the local queue's default (5, as the stack's redrive policy) otherwise. */
  maxReceiveCount?: number;
  /** Wait before receive n+1 after receive n failed; the local queue's backoff (1, 2, 4, 8 s) by default. */
  retryDelayMs?: (receiveCount: number) => number;
  /** Where failures and dead letters are reported; console.warn by default. */
  log?: (line: string) => void;
  /**
   * The SES verdicts written on top of each message (spam, virus, SPF, DKIM, DMARC), as SES's
   * receipt rule writes them; everything passes by default. A function chooses per message.
   */
  verdicts?: LocalVerdictRule;
  /** Keeps the queue's dead letters as files there, across restarts (see LocalQueueOptions). */
  deadLetterDir?: string;
}

/** A running SMTP intake. */
export interface SmtpIntake {
  /** The port it listens on (the chosen one when asked for 0). */
  readonly port: number;
  /** Notifications that failed every receive, oldest first; their messages stay stored. */
  deadLetters(): readonly DeadLetter[];
  /** The `email-intake` queue the notifications go through (for its counts, and to redrive). */
  readonly queue: LocalQueue;
  /** Changes the verdicts written on messages received from now on; undefined goes back to the started ones. */
  setVerdicts(rule: LocalVerdictRule | undefined): void;
  /** Stops accepting mail, then waits for deliveries under way; retries still waiting are dropped. */
  close(): Promise<void>;
}

/** What the SMTP client is told when its message is over the limit. */
export function tooLargeReply(maxMessageBytes: number): string {
  return `Message too large: the limit is ${maxMessageBytes} bytes (SES receiving stores at most 40 MB)`;
}

/**
 * The local stand-in for SES receiving: an SMTP server that stores every message's bytes exactly
 * as received (as the receipt rule's S3 action does) and then announces it to `onMessage` as an
 * SQS event whose record body is the S3 event notification, as the `email-intake` queue delivers
 * it on AWS. Like SES, the client gets 250 once the message is stored, not once it is processed;
 * processing is at least once, with retries, then a dead-letter list. Any recipient is accepted.
 * Each message is stored with the verdict headers SES would put on top of it.
 */
export async function startSmtpIntake(options: SmtpIntakeOptions): Promise<SmtpIntake> {
  const { store, bucket, onMessage } = options;
  const host = options.host ?? '127.0.0.1';
  const keyPrefix = options.keyPrefix ?? DEFAULT_RAW_MAIL_PREFIX;
  const maxMessageBytes = options.maxMessageBytes ?? MAX_RAW_MAIL_BYTES;
  const log = options.log ?? ((line: string) => console.warn(line));

  const queue = new LocalQueue({
    name: EMAIL_INTAKE_QUEUE_NAME,
    log,
    ...(options.maxReceiveCount === undefined ? {} : { maxReceiveCount: options.maxReceiveCount }),
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
    ...(options.deadLetterDir === undefined ? {} : { deadLetterDir: options.deadLetterDir }),
  });
  queue.start(onMessage);
  let closing = false;
  let verdictRule = options.verdicts;

  const server = new SMTPServer({
    // Loopback development only: no AUTH, no STARTTLS, so swaks and nodemailer talk plain SMTP.
    secure: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    banner: 'Service desk local email intake',
    // Advertised in EHLO, so a client that declares SIZE is refused before it sends anything.
    size: maxMessageBytes,
    closeTimeout: CLOSE_TIMEOUT_MS,
    logger: false,
    onData(stream, session, callback) {
      receive(stream).then(
        (received) => {
          if (!received) return callback(smtpError(552, tooLargeReply(maxMessageBytes)));
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const recipient = session.envelope.rcptTo[0]?.address ?? '';
          const subject = { mailFrom, fromDomain: headerFromDomain(received) };
          const headers = sesVerdictHeaders(verdictsFor(verdictRule, subject), subject, recipient, new Date());
          const bytes = Buffer.concat([Buffer.from(headers, 'latin1'), received]);
          const key = `${keyPrefix}${randomUUID()}`;
          store.put(key, bytes).then(
            () => {
              callback(null, `Queued as ${key}`);
              announce(key, bytes);
            },
            (error: unknown) => {
              log(`[smtp-intake] could not store a message: ${messageOf(error)}`);
              // 451: a temporary failure, so the client keeps the message and tries again.
              callback(smtpError(451, 'Could not store the message, try again later'));
            },
          );
        },
        (error: unknown) => callback(smtpError(451, `Could not read the message: ${messageOf(error)}`)),
      );
    },
  });

  function announce(key: string, bytes: Buffer): void {
    if (closing) {
      log(`[smtp-intake] ${key} stored while closing; not announced`);
      return;
    }
    queue.send(s3ObjectCreatedNotification({ bucket, key, bytes, configurationId: EMAIL_INTAKE_QUEUE_NAME }));
  }

  await listen(server, options.port, host);
  // Without a listener, a client that resets its connection would crash the process.
  server.on('error', (error: Error) => log(`[smtp-intake] ${error.message}`));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    deadLetters: () => queue.deadLetters(),
    queue,
    setVerdicts(rule) {
      verdictRule = rule ?? options.verdicts;
    },
    async close() {
      closing = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.stop();
    },
  };
}

function verdictsFor(rule: LocalVerdictRule | undefined, subject: Parameters<typeof sesVerdictHeaders>[1]): LocalVerdicts {
  const chosen = typeof rule === 'function' ? rule(subject) : (rule ?? {});
  return { ...PASSING_VERDICTS, ...chosen };
}

/**
 * The message's bytes as the client sent them (smtp-server removes only the SMTP dot-stuffing and
 * the final "."), or undefined when it went over the size limit. An oversized message is still
 * read to its end, as SMTP requires, but no longer kept in memory.
 */
function receive(stream: SMTPServerDataStream): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (stream.sizeExceeded) chunks.length = 0;
      else chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded ? undefined : Buffer.concat(chunks)));
  });
}

function listen(server: SMTPServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EADDRINUSE' ? ': the port is in use; stop what holds it or choose another port (SMTP_PORT)' : '';
      reject(new LocalRuntimeError(`The local email intake cannot listen on ${host}:${port}${hint} (${error.message})`, { cause: error }));
    };
    // smtp-server re-emits the listening socket's errors on itself.
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
