import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailIntakeHandler } from '../../functions/sqs/email-intake.ts';
import { LocalAttachmentStore } from '../../local/local-attachment-store.ts';
import { LocalRawMailStore } from '../../local/local-raw-mail-store.ts';
import { LOCAL_MAIL_BUCKET } from '../../local/side-effects.ts';
import { EMAIL_INTAKE_QUEUE_NAME } from '../../local/smtp-intake.ts';
import { s3ObjectCreatedNotification } from '../../shared/adapters/s3/s3-event-notification.ts';
import { logger } from '../../shared/observability/logger.ts';
import { GOOD_MAIL, INJECTED_BCC, INJECTED_HEADER, MALFORMED_MAIL, senderOf, type MalformedMailCase } from '../support/malformed-mail.ts';
import { startTestApp, type TestApp } from './harness.ts';

type Attachment = { name: string; contentType: string; size: number; location?: string; refused?: string };
type Ticket = { key: string; subject: string; description: string; requester: { email: string; name?: string }; attachments?: Attachment[]; rawMail?: string };
type Comment = { ticketKey: string; body: string; html?: string; author: { email: string; name?: string }; rawMail?: string };

/** Half of a UTF-16 surrogate pair without the other half: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let app: TestApp;
let admin: string;

/** The corpus with good mail at a quarter, half and three quarters of the batch. */
const BATCH: MalformedMailCase[] = (() => {
  const batch = [...MALFORMED_MAIL];
  GOOD_MAIL.forEach((mail, index) => batch.splice(Math.round(((index + 1) * batch.length) / (GOOD_MAIL.length + 1)) + index, 0, mail));
  // A reply must come after the mail that opens its ticket.
  batch.forEach((mail, index) => {
    if (mail.expected.kind === 'comment' && !batch.slice(0, index).some((earlier) => earlier.name === (mail.expected as { on: string }).on)) {
      throw new Error(`${mail.name} answers a mail that is not earlier in the batch`);
    }
  });
  return batch;
})();

const keyOf = (mail: MalformedMailCase) => `inbound/corpus-${mail.name}`;
const locationOf = (mail: MalformedMailCase) => `s3://${LOCAL_MAIL_BUCKET}/${keyOf(mail)}`;
const expecting = (kind: MalformedMailCase['expected']['kind']) => BATCH.filter((mail) => mail.expected.kind === kind);

/** An SQS record as the `email-intake` queue delivers it: the S3 notification as its body, the case name as its id. */
function sqsRecord(messageId: string, body: string): SQSRecord {
  return {
    messageId,
    receiptHandle: randomUUID(),
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'LOCAL', ApproximateFirstReceiveTimestamp: String(Date.now()) },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:local:000000000000:${EMAIL_INTAKE_QUEUE_NAME}`,
    awsRegion: 'local',
  };
}

let response: SQSBatchResponse;
const logged: { message: string; messageId?: string; error?: Error }[] = [];
/** Each case's tickets, found by its sender. */
const tickets = new Map<string, Ticket[]>();
/** The comments on all of those tickets. */
const comments: Comment[] = [];
const quarantined: { location: string; reason: string; outcome?: string }[] = [];

beforeAll(async () => {
  app = await startTestApp({ sideEffects: true });
  admin = await app.token({ role: 'admin' });
  const { emailIntakeDepsFromEnv } = await import('../../shared/composition/email-intake-deps-from-env.ts');
  const store = new LocalRawMailStore({ rootDir: app.sideEffects!.mailDir });
  const attachments = new LocalAttachmentStore(store);
  // The handler Lambda runs, wired as `npm start` wires it.
  const handler = emailIntakeHandler(async () => ({ deps: { ...(await emailIntakeDepsFromEnv()), attachments }, store }));

  // Stored one at a time, as SES stores them, keeping only the notification: the large cases are never in memory together.
  const records: SQSRecord[] = [];
  for (const mail of BATCH) {
    const bytes = mail.bytes();
    await store.put(keyOf(mail), bytes);
    records.push(sqsRecord(mail.name, s3ObjectCreatedNotification({ bucket: LOCAL_MAIL_BUCKET, key: keyOf(mail), bytes, configurationId: EMAIL_INTAKE_QUEUE_NAME })));
  }

  const days = new Set([new Date().toISOString().slice(0, 10)]);
  vi.spyOn(logger, 'error').mockImplementation((message: unknown, ...extra: unknown[]) => {
    logged.push({ message: String(message), ...((extra[0] ?? {}) as { messageId?: string; error?: Error }) });
  });
  try {
    const started = performance.now();
    response = await handler({ Records: records });
    console.info(`malformed-mail corpus: ${records.length} mails in one batch handled in ${Math.round(performance.now() - started)} ms`);
  } finally {
    vi.mocked(logger.error).mockRestore();
  }
  // A run across midnight UTC quarantines on either day.
  days.add(new Date().toISOString().slice(0, 10));

  for (const mail of BATCH) {
    const listed = await app.request('GET', `/tickets?requester=${encodeURIComponent(senderOf(mail.name))}&status=all&limit=100`, { token: admin });
    const keys = (listed.json.items as { key: string }[]).map((item) => item.key);
    const read = await Promise.all(keys.map(async (key) => (await app.request('GET', `/tickets/${key}`, { token: admin })).json as { ticket: Ticket; comments: Comment[] }));
    tickets.set(
      mail.name,
      read.map((whole) => whole.ticket),
    );
    comments.push(...read.flatMap((whole) => whole.comments.map((comment) => ({ ...comment, ticketKey: whole.ticket.key }))));
  }
  for (const day of days) quarantined.push(...(await app.request('GET', `/mail/quarantine?day=${day}`, { token: admin })).json.items);
});

afterAll(async () => {
  await app?.close();
});

/** What became of a case: every outcome seen, so a mail that vanished shows [] and one counted twice shows both. */
function observedOutcomes(mail: MalformedMailCase): string[] {
  return [
    ...(tickets.get(mail.name)!.length > 0 ? ['ticket'] : []),
    ...(comments.some((comment) => comment.rawMail === locationOf(mail)) ? ['comment'] : []),
    ...(quarantined.some((entry) => entry.location === locationOf(mail) && entry.outcome === undefined) ? ['quarantine'] : []),
    ...(quarantined.some((entry) => entry.location === locationOf(mail) && entry.outcome === 'ignored') ? ['ignored'] : []),
    ...(response.batchItemFailures.some((failure) => failure.itemIdentifier === mail.name) ? ['dead-letter'] : []),
  ];
}

function reasonOf(mail: MalformedMailCase): RegExp {
  if (mail.expected.kind !== 'quarantine' && mail.expected.kind !== 'ignored' && mail.expected.kind !== 'dead-letter') throw new Error(`${mail.name} expects a ${mail.expected.kind}, not a reason`);
  return mail.expected.reason;
}

describe('a batch of malformed and hostile mail through the email intake', () => {
  it('ends every mail in exactly the outcome the corpus names: ticket, comment, quarantine, ignored or dead letter', () => {
    const observed = Object.fromEntries(BATCH.map((mail) => [mail.name, observedOutcomes(mail)]));
    expect(observed).toEqual(Object.fromEntries(BATCH.map((mail) => [mail.name, [mail.expected.kind]])));
    // Nothing of the batch but its dead-letter cases is reported as failed.
    expect(response.batchItemFailures).toHaveLength(expecting('dead-letter').length);
  });

  it('logs the reason of each dead-letter case', () => {
    for (const mail of expecting('dead-letter')) {
      const entry = logged.find((line) => line.messageId === mail.name);
      expect(entry, mail.name).toMatchObject({ message: 'Mail intake failed' });
      expect(entry!.error!.message, mail.name).toMatch(reasonOf(mail));
    }
  });

  it('quarantines each quarantine case with a reason that names what was wrong', () => {
    for (const mail of expecting('quarantine')) {
      const entry = quarantined.find((item) => item.location === locationOf(mail));
      expect(entry?.reason, mail.name).toMatch(reasonOf(mail));
    }
  });

  it('lists each ignored case beside the quarantine with a reason that says why', () => {
    for (const mail of expecting('ignored')) {
      const entry = quarantined.find((item) => item.location === locationOf(mail) && item.outcome === 'ignored');
      expect(entry?.reason, mail.name).toMatch(reasonOf(mail));
    }
  });

  it.each(expecting('ticket').map((mail) => [mail.name, mail] as const))('%s: the ticket keeps what the corpus says', (_name, mail) => {
    const [ticket, ...others] = tickets.get(mail.name)!;
    expect(others).toEqual([]);
    const expected = mail.expected;
    if (expected.kind !== 'ticket' || !ticket) throw new Error(`${mail.name} opened no ticket`);
    expect(ticket.rawMail).toBe(locationOf(mail));
    if (expected.subject !== undefined) expect(ticket.subject).toBe(expected.subject);
    if (expected.requesterName !== undefined) expect(ticket.requester.name).toBe(expected.requesterName);
    if (expected.descriptionContains !== undefined) expect(ticket.description).toContain(expected.descriptionContains);
    if (expected.attachments !== undefined) {
      expect(ticket.attachments ?? []).toHaveLength(expected.attachments.length);
      expected.attachments.forEach((attachment, index) => {
        const stored = ticket.attachments![index]!;
        expect(stored).toMatchObject({ name: attachment.name, size: attachment.size });
        if (attachment.refused) expect(stored.refused).toMatch(attachment.refused);
        else expect(stored.location).toMatch(/^attachments\//);
      });
    }
  });

  it.each(expecting('comment').map((mail) => [mail.name, mail] as const))('%s: the comment keeps what the corpus says', (_name, mail) => {
    const expected = mail.expected;
    if (expected.kind !== 'comment') throw new Error(`${mail.name} expects no comment`);
    const [comment, ...others] = comments.filter((candidate) => candidate.rawMail === locationOf(mail));
    expect(others).toEqual([]);
    expect(comment?.ticketKey).toBe(tickets.get(expected.on)![0]!.key);
    if (expected.bodyContains !== undefined) expect(comment!.body).toContain(expected.bodyContains);
    if (expected.keepsHtml !== undefined) expect(comment!.html !== undefined).toBe(expected.keepsHtml);
  });

  it('stores every subject, requester name, attachment name and type on one line, without NUL or half a character', () => {
    const singleLineValues = [...tickets.values()]
      .flat()
      .flatMap((ticket) => [ticket.subject, ticket.requester.name ?? '', ...(ticket.attachments ?? []).flatMap((attachment) => [attachment.name, attachment.contentType])]);
    singleLineValues.push(...comments.map((comment) => comment.author.name ?? ''));
    expect(singleLineValues.length).toBeGreaterThan(expecting('ticket').length);
    expect(singleLineValues.filter((value) => /[\r\n\0]/.test(value))).toEqual([]);
    expect(singleLineValues.filter((value) => LONE_SURROGATE.test(value))).toEqual([]);
  });

  it('acknowledges each injection attempt with a mail that carries no injected header', async () => {
    const injections = expecting('ticket').filter((mail) => mail.injection);
    expect(injections.length).toBeGreaterThanOrEqual(4);
    const acknowledgements = await acknowledgementsTo(injections.map((mail) => senderOf(mail.name)));
    for (const [recipient, raw] of acknowledgements) {
      const headerBlock = raw.toString('latin1').split(/\r?\n\r?\n/)[0]!;
      const names = headerBlock.split(/\r?\n(?![ \t])/).map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
      expect(names, recipient).not.toContain('bcc');
      expect(names, recipient).not.toContain(INJECTED_HEADER.toLowerCase());
      // No line of the header block, folded or not, starts a header the attacker wrote.
      expect(headerBlock, recipient).not.toMatch(new RegExp(`(^|[\\r\\n])\\s*(Bcc|${INJECTED_HEADER})\\s*:`, 'i'));
      const parsed = await simpleParser(raw);
      expect(parsed.bcc, recipient).toBeUndefined();
      expect(parsed.headers.has(INJECTED_HEADER.toLowerCase()), recipient).toBe(false);
      expect(JSON.stringify(parsed.to), recipient).not.toContain(INJECTED_BCC);
      expect(parsed.subject, recipient).not.toMatch(/[\r\n]/);
    }
  });
});

/**
 * The acknowledgement each recipient got, from the finished `.eml` copies in the outbox (a
 * `.partial` file is still being written). Bounded: the stream and the notifications queue
 * deliver them shortly after the tickets are written.
 */
async function acknowledgementsTo(recipients: string[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (let tries = 0; tries < 200 && found.size < recipients.length; tries++) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    for (const file of readdirSync(app.sideEffects!.outboxDir).filter((name) => name.endsWith('.eml'))) {
      const raw = readFileSync(join(app.sideEffects!.outboxDir, file));
      const to = /^To:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(raw.toString('latin1'))?.[1] ?? '';
      for (const recipient of recipients) if (to.toLowerCase().includes(recipient)) found.set(recipient, raw);
    }
  }
  expect([...found.keys()].sort()).toEqual([...recipients].sort());
  return found;
}
