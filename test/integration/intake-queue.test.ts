import { createHash } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';
import { commentsOfTicket, ticketsOfRequester } from './polling.ts';

let app: TestApp;
let sqs: SQSClient;
let admin: string;

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

type Ticket = { key: string; channel: string; status: string; desk: string; priority: string; intake?: { source: string; externalId: string }; subject: string };
type Comment = { body: string; public: boolean; author: { role: string } };

/** Sends as another system would: the AWS SDK's SendMessage, only the endpoint changed. */
async function send(message: unknown): Promise<string> {
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: app.sideEffects!.intake.queueUrl, MessageBody: JSON.stringify(message) }));
  return sent.MessageId!;
}

const ticketsOf = (email: string, count: number) => ticketsOfRequester<Ticket>(app, admin, email, count);
const commentsOf = (key: string, count: number) => commentsOfTicket<Comment>(app, admin, key, count);

const alert = (externalId: string, requester: string, subject = 'Disk /var 95% full on db-1') => ({
  source: 'monitoring',
  externalId,
  ticket: { subject, description: 'Free space below 5%.', requester: { email: requester }, impact: 'medium', urgency: 'high', tags: ['monitoring'] },
});

beforeAll(async () => {
  app = await startTestApp({ sideEffects: true });
  admin = await app.token({ role: 'admin' });
  sqs = new SQSClient({ endpoint: app.sideEffects!.intake.endpoint.url, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});

afterAll(async () => {
  sqs?.destroy();
  await app?.close();
});

describe('the intake queue', () => {
  it('opens a ticket from a message, routed and prioritised like an API request, marked with its source', async () => {
    const requester = `ops.${unique()}@example.org`;
    await send(alert(`alert-${unique()}`, requester));
    const [ticket] = await ticketsOf(requester, 1);
    expect(ticket).toMatchObject({ channel: 'intake', status: 'new', desk: 'it', priority: 'P2', intake: { source: 'monitoring' } });
  });

  it('appends a repeat of the same external id to the open ticket as an internal note, and opens a new ticket once that one is resolved', async () => {
    const requester = `ops.${unique()}@example.org`;
    const externalId = `alert-${unique()}`;
    await send(alert(externalId, requester));
    const [first] = await ticketsOf(requester, 1);
    await send(alert(externalId, requester, 'Disk /var 97% full on db-1'));
    const [note] = await commentsOf(first!.key, 1);
    expect(note).toMatchObject({ public: false, author: { role: 'system' } });
    expect(note!.body).toContain(`Repeated by monitoring (${externalId}):\nDisk /var 97% full on db-1`);
    expect(await ticketsOf(requester, 1)).toHaveLength(1);

    expect((await app.request('PATCH', `/tickets/${first!.key}`, { token: admin, body: { status: 'resolved' } })).status).toBe(200);
    await send(alert(externalId, requester, 'Disk /var 99% full on db-1'));
    const tickets = await ticketsOf(requester, 2);
    const second = tickets.find((ticket) => ticket.key !== first!.key)!;
    expect(second).toMatchObject({ subject: 'Disk /var 99% full on db-1', status: 'new', intake: { externalId } });
    // A further repeat goes to the new ticket, not the resolved one.
    await send(alert(externalId, requester, 'Disk /var 100% full on db-1'));
    expect((await commentsOf(second.key, 1))[0]!.body).toContain('100% full');
    expect(await commentsOf(first!.key, 1)).toHaveLength(1);
  });

  it('applies a message delivered twice once', async () => {
    const { handler } = await import('../../functions/sqs/intake.ts');
    const requester = `ops.${unique()}@example.org`;
    const record = { messageId: `delivery-${unique()}`, body: JSON.stringify(alert(`alert-${unique()}`, requester)) };
    const event = { Records: [record] } as unknown as SQSEvent;
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    const [ticket] = await ticketsOf(requester, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ticketsOf(requester, 1)).toHaveLength(1);
    expect(await commentsOf(ticket!.key, 0)).toEqual([]);
  });

  it('fails a message that is not an intake message alone, and goes on with the rest of the batch', async () => {
    const { handler } = await import('../../functions/sqs/intake.ts');
    const requester = `ops.${unique()}@example.org`;
    const event = {
      Records: [
        { messageId: 'bad-json', body: '{"source":' },
        { messageId: 'no-subject', body: JSON.stringify({ source: 'monitoring', externalId: 'x', ticket: { requester: { email: requester } } }) },
        { messageId: `good-${unique()}`, body: JSON.stringify(alert(`alert-${unique()}`, requester)) },
      ],
    } as unknown as SQSEvent;
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad-json' }, { itemIdentifier: 'no-subject' }] });
    expect(await ticketsOf(requester, 1)).toHaveLength(1);
  });

  it('fails a message whose custom field number DynamoDB cannot hold, naming the field, without taking a ticket number', async () => {
    const { handler } = await import('../../functions/sqs/intake.ts');
    const { parseIntakeMessage } = await import('../../shared/intake/intake-message.ts');
    const requester = `ops.${unique()}@example.org`;
    const open = async () => {
      const response = await app.request('POST', '/tickets', { token: admin, body: { subject: 'Meter check', requester: { email: requester } } });
      expect(response.status, response.text).toBe(201);
      return Number(String(response.json.ticket.key).split('-')[1]);
    };
    const before = await open();
    const message = JSON.stringify(alert(`alert-${unique()}`, requester)).replace('"tags":', '"customFields":{"reading":1e308},"tags":');
    expect(() => parseIntakeMessage(message)).toThrow(/ticket\.customFields\.reading: must be an integer/);
    // Each retry of the message takes no number either.
    for (let delivery = 0; delivery < 3; delivery++) {
      const event = { Records: [{ messageId: `unsafe-${unique()}`, body: message }] } as unknown as SQSEvent;
      expect((await handler(event)).batchItemFailures).toHaveLength(1);
    }
    expect(await open()).toBe(before + 1);
  });

  it("takes SendMessage in SQS's Query protocol too, as CLIs and SDKs from before the JSON protocol send it (Debian's awscli)", async () => {
    const requester = `ops.${unique()}@example.org`;
    const body = JSON.stringify(alert(`alert-${unique()}`, requester));
    const form = new URLSearchParams({ Action: 'SendMessage', Version: '2012-11-05', QueueUrl: app.sideEffects!.intake.queueUrl, MessageBody: body });
    const response = await fetch(`${app.sideEffects!.intake.endpoint.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form });
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(xml).toContain(`<MD5OfMessageBody>${createHash('md5').update(body).digest('hex')}</MD5OfMessageBody>`);
    expect(xml).toMatch(/<SendMessageResponse xmlns="http:\/\/queue\.amazonaws\.com\/doc\/2012-11-05\/"><SendMessageResult><MessageId>[^<]+<\/MessageId>/);
    const [ticket] = await ticketsOf(requester, 1);
    expect(ticket).toMatchObject({ channel: 'intake', intake: { source: 'monitoring' } });

    const unknown = await fetch(`${app.sideEffects!.intake.endpoint.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'SendMessage', QueueUrl: `${app.sideEffects!.intake.endpoint.url}/000000000000/nope`, MessageBody: 'x' }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>AWS.SimpleQueueService.NonExistentQueue</Code>');
  });

  it('answers other SQS actions and unknown queues as SQS would', async () => {
    const unknown = sqs.send(new SendMessageCommand({ QueueUrl: `${app.sideEffects!.intake.endpoint.url}/000000000000/nope`, MessageBody: 'x' }));
    await expect(unknown).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });
});
