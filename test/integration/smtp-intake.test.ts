import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalRawMailStore } from '../../local/local-raw-mail-store.ts';
import { LocalRuntimeError } from '../../local/local-runtime-error.ts';
import { startSmtpIntake, tooLargeReply, type SmtpIntake, type SmtpIntakeOptions } from '../../local/smtp-intake.ts';
import { rawMailLocationsFromSqsBody } from '../../shared/adapters/s3/s3-event-notification.ts';

/** The shared corpus of real-world mails (see its SOURCES.md); read as bytes, never as text. */
const FIXTURES = new URL('../fixtures/email/', import.meta.url);
const fixture = (path: string) => readFile(new URL(path, FIXTURES));

const BUCKET = 'local-raw-mail';

/** The verdict block SES puts on top of a stored message, ending with its Authentication-Results line. */
const SES_BLOCK =
  /^Return-Path: <[^>\r\n]*>\r\nReceived: [^\r\n]*\r\nX-SES-Spam-Verdict: [^\r\n]*\r\nX-SES-Virus-Verdict: [^\r\n]*\r\nReceived-SPF: [^\r\n]*\r\nAuthentication-Results: amazonses\.com;[^\r\n]*\r\n/;

/** A stored message without the SES block: the bytes the client sent. */
function sentPart(stored: Buffer): Buffer {
  const block = SES_BLOCK.exec(stored.toString('latin1'));
  expect(block, 'the SES verdict block on top').not.toBeNull();
  return stored.subarray(block![0].length);
}

let sandbox: string;
let store: LocalRawMailStore;
let intake: SmtpIntake | undefined;
let received: SQSRecord[];
let logLines: string[];

beforeEach(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'smtp-intake-'));
  store = new LocalRawMailStore({ rootDir: join(sandbox, 'mail') });
  received = [];
  logLines = [];
});

afterEach(async () => {
  await intake?.close();
  intake = undefined;
  await rm(sandbox, { recursive: true, force: true });
});

/** Starts an intake on a free port whose consumer records every record it gets, then answers as `consume` says. */
async function start(consume: (record: SQSRecord) => Promise<SQSBatchResponse | void> = async () => undefined, options: Partial<SmtpIntakeOptions> = {}) {
  intake = await startSmtpIntake({
    port: 0,
    store,
    bucket: BUCKET,
    onMessage: async (event: SQSEvent) => {
      expect(event.Records).toHaveLength(1);
      received.push(event.Records[0]!);
      return consume(event.Records[0]!);
    },
    retryDelayMs: (receiveCount) => 10 * receiveCount,
    log: (line) => logLines.push(line),
    ...options,
  });
  return intake;
}

/** Sends raw bytes over real SMTP, as an MTA relaying a message would. */
function send(port: number, raw: Buffer, to = ['support@desk.example.com']) {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail({ envelope: { from: 'jane@example.org', to }, raw });
}

/** A plain SMTP dialog over a socket: sends each command and collects the server's complete reply to it. */
async function dialog(port: number, commands: string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  const waiters: (() => void)[] = [];
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    waiters.splice(0).forEach((wake) => wake());
  });
  // A reply is complete at its last line: three digits and a space (continuation lines have a dash).
  const nextReply = async (): Promise<string> => {
    for (;;) {
      const end = buffer.search(/^\d{3} .*\r\n/m);
      if (end !== -1) {
        const lineEnd = buffer.indexOf('\r\n', end) + 2;
        const reply = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd);
        return reply;
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const replies = [await nextReply()];
  for (const command of commands) {
    socket.write(`${command}\r\n`);
    replies.push(await nextReply());
  }
  socket.end();
  return replies;
}

/** Bounded polling: the intake processes after it answers, so tests wait for the outcome, never a fixed time. */
async function eventually<T>(read: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the local SMTP intake', () => {
  it('stores a real-world mail byte for byte and announces it as S3 does through SQS', async () => {
    // CRLF line ends and raw Shift_JIS bytes that are not valid UTF-8.
    const raw = await fixture('mikel-mail/multi_charset/japanese_shift_jis.eml');
    const { port } = await start();

    const info = await send(port, raw);
    expect(info.response).toMatch(/^250 Queued as inbound\/[0-9a-f-]{36}$/);

    const record = await eventually(() => received[0], 'the SQS event');
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:local:000000000000:email-intake',
      awsRegion: 'local',
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(record.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.receiptHandle).toBeTruthy();

    const locations = rawMailLocationsFromSqsBody(record.body);
    const stored = await readFile(store.pathOf(locations[0]!.key));
    expect(locations).toEqual([{ bucket: BUCKET, key: info.response.slice('250 Queued as '.length), size: stored.byteLength }]);
    expect(sentPart(stored).equals(raw)).toBe(true);
    expect(sentPart(await store.get(locations[0]!)).equals(raw)).toBe(true);
  });

  it('puts the verdict headers SES would add on top: passing by default, as configured per sender otherwise', async () => {
    const { port } = await start(undefined, { verdicts: ({ fromDomain }) => (fromDomain === 'forged.example' ? { dmarc: 'fail', dkim: 'fail' } : {}) });
    await send(port, Buffer.from('From: Jane <jane@example.org>\r\nSubject: ok\r\n\r\nbody\r\n'));
    await send(port, Buffer.from('From: Eve <ceo@forged.example>\r\nSubject: forged\r\n\r\nbody\r\n'));
    intake!.setVerdicts({ dmarc: 'none', dkim: 'none', spam: 'FAIL' });
    await send(port, Buffer.from('From: alice.agent@example.com\r\nSubject: none\r\n\r\nbody\r\n'));
    await eventually(() => (received.length === 3 ? received : undefined), 'three SQS events');
    const stored = await Promise.all(received.map(async (record) => (await store.get(rawMailLocationsFromSqsBody(record.body)[0]!)).toString('latin1')));
    const bySubject = (subject: string) => stored.find((mail) => mail.includes(`Subject: ${subject}`))!;
    expect(bySubject('ok')).toMatch(/^X-SES-Spam-Verdict: PASS$/m);
    expect(bySubject('ok')).toMatch(/^Authentication-Results: amazonses\.com; spf=pass .* dkim=pass header\.i=@example\.org; dmarc=pass header\.from=example\.org;/m);
    expect(bySubject('forged')).toMatch(/dkim=fail header\.i=@forged\.example; dmarc=fail header\.from=forged\.example;/);
    expect(bySubject('none')).toMatch(/^X-SES-Spam-Verdict: FAIL$/m);
    expect(bySubject('none')).toMatch(/dkim=none header\.i=@example\.com; dmarc=none header\.from=example\.com;/);
  });

  it('undoes SMTP dot-stuffing, so lines that start with a dot arrive as written', async () => {
    // A bounce report with a line that starts with "....".
    const bounce = await fixture('mikel-mail/multipart_report_emails/report_422.eml');
    const handMade = Buffer.from('Subject: dots\r\n\r\n.\r\n..\r\n.hidden\r\nend\r\n', 'latin1');
    const { port } = await start();

    await send(port, bounce);
    await send(port, handMade);

    await eventually(() => (received.length === 2 ? received : undefined), 'two SQS events');
    const stored = await Promise.all(received.map(async (record) => sentPart(await store.get(rawMailLocationsFromSqsBody(record.body)[0]!))));
    expect(stored.map((bytes) => bytes.toString('latin1')).sort()).toEqual([bounce.toString('latin1'), handMade.toString('latin1')].sort());
  });

  it('stores one file per message, whatever the number of recipients', async () => {
    const { port } = await start();
    await send(port, Buffer.from('Subject: one\r\n\r\nbody\r\n'), ['support@desk.example.com', 'support+sd-12.abc@desk.example.com', 'someone@elsewhere.example']);
    await send(port, Buffer.from('Subject: two\r\n\r\nbody\r\n'));
    await eventually(() => (received.length === 2 ? received : undefined), 'two SQS events');
    expect(await readdir(join(sandbox, 'mail', 'inbound'))).toHaveLength(2);
  });

  it('answers 250 once the message is stored, before it is processed', async () => {
    let release!: () => void;
    const processing = new Promise<void>((resolve) => (release = resolve));
    const { port } = await start(() => processing);

    const info = await send(port, Buffer.from('Subject: slow\r\n\r\nbody\r\n'));
    expect(info.response).toMatch(/^250 /);
    const record = await eventually(() => received[0], 'the SQS event');
    release();
    expect(sentPart(await store.get(rawMailLocationsFromSqsBody(record.body)[0]!)).toString()).toBe('Subject: slow\r\n\r\nbody\r\n');
  });

  it('redelivers a record the consumer reports as failed, with the receive count one higher', async () => {
    const { port } = await start(async (record) => (record.attributes.ApproximateReceiveCount === '1' ? { batchItemFailures: [{ itemIdentifier: record.messageId }] } : undefined));
    await send(port, Buffer.from('Subject: retry\r\n\r\nbody\r\n'));

    await eventually(() => (received.length === 2 ? received : undefined), 'the second receive');
    expect(received.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(received[1]!.messageId).toBe(received[0]!.messageId);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(intake!.deadLetters()).toEqual([]);
  });

  it('retries a consumer that throws, then dead-letters the record and keeps the mail', async () => {
    const { port } = await start(
      async () => {
        throw new Error('intake handler failed');
      },
      { maxReceiveCount: 3 },
    );
    await send(port, Buffer.from('Subject: poison\r\n\r\nbody\r\n'));

    const [deadLetter] = await eventually(() => (intake!.deadLetters().length > 0 ? intake!.deadLetters() : undefined), 'the dead letter');
    expect(received.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3']);
    expect(deadLetter).toMatchObject({ messageId: received[0]!.messageId, body: received[0]!.body, receiveCount: 3, reason: 'intake handler failed' });
    expect(logLines.some((line) => line.includes('email-intake') && line.includes('dead-lettered after 3 receives'))).toBe(true);
    // Nothing is lost: the raw mail is still stored and the dead letter names it.
    const [location] = rawMailLocationsFromSqsBody(deadLetter!.body);
    expect(sentPart(await store.get(location!)).toString()).toBe('Subject: poison\r\n\r\nbody\r\n');
  });

  it('refuses a message over the size limit with 552 and stores nothing', async () => {
    const { port } = await start(undefined, { maxMessageBytes: 1_024 });
    const oversized = Buffer.from(`Subject: big\r\n\r\n${'x'.repeat(76)}\r\n`.repeat(20));

    const error = await send(port, oversized).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ responseCode: 552 });
    expect((error as Error).message).toContain(tooLargeReply(1_024));

    // A message of exactly the limit still goes through, so nothing was left half-open by the refusal.
    const atLimit = Buffer.concat([Buffer.from('Subject: fits\r\n\r\n'), Buffer.alloc(1_024 - 19, 'y'), Buffer.from('\r\n')]);
    expect(atLimit.byteLength).toBe(1_024);
    await send(port, atLimit);
    await eventually(() => received[0], 'the SQS event of the message that fits');
    expect(received).toHaveLength(1);
    expect(await readdir(join(sandbox, 'mail', 'inbound'))).toHaveLength(1);
  });

  it('offers neither AUTH nor STARTTLS and advertises the size limit', async () => {
    const { port } = await start(undefined, { maxMessageBytes: 1_024 });
    const [, ehlo] = await dialog(port, ['EHLO client.example', 'QUIT']);
    expect(ehlo).toMatch(/^250[ -]SIZE 1024\r$/m);
    expect(ehlo).not.toMatch(/AUTH|STARTTLS/);
  });

  it('refuses a client that declares a size over the limit with 552 before it sends the message', async () => {
    const { port } = await start(undefined, { maxMessageBytes: 1_024 });
    const [, , mailFrom] = await dialog(port, ['EHLO client.example', 'MAIL FROM:<jane@example.org> SIZE=5000', 'QUIT']);
    expect(mailFrom).toMatch(/^552 /);
    expect(mailFrom).toContain('1024');
  });

  it('fails to start with a clear error when the port is taken', async () => {
    const { port } = await start();
    const second = startSmtpIntake({ port, store, bucket: BUCKET, onMessage: async () => undefined });
    await expect(second).rejects.toBeInstanceOf(LocalRuntimeError);
    await expect(second).rejects.toThrow(`The local email intake cannot listen on 127.0.0.1:${port}: the port is in use`);
  });
});
