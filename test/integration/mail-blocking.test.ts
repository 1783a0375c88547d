import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '../../servicedesk.config.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbNewTicketLimiter } from '../../shared/adapters/dynamodb/dynamodb-new-ticket-limiter.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { commentsOfTicket, eventually, ticketsOfRequester } from './polling.ts';

const DESK = 'support@desk.example.com';
const FLOOD_LIMIT = 3;
// A small flood limit, so a test reaches it with a handful of mails.
const config = structuredClone(rawConfig) as typeof rawConfig & { email: Record<string, unknown> };
config.email = { ...config.email, maxNewTicketsPerSenderPerHour: FLOOD_LIMIT };

let app: TestApp;
let smtp: Transporter;
let admin: string;

type Held = { location: string; reason: string; detail?: string; messageId?: string; from?: string; outcome?: string };
type Blocked = { kind: string; value: string; blockedAt: string; blockedBy: string; note?: string };

const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;

async function send(mail: { from: string; subject: string; text?: string; inReplyTo?: string }): Promise<string> {
  const messageId = `<${unique()}@mail.example.org>`;
  await smtp.sendMail({ to: DESK, text: 'Please help.', ...mail, messageId, ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}) });
  return messageId;
}

/** The quarantine entry of one mail, once the intake has kept it aside. */
const heldMail = (messageId: string) =>
  eventually(async () => ((await app.request('GET', '/mail/quarantine', { token: admin })).json.items as Held[]).find((item) => item.messageId === messageId), `${messageId} was never held`);

const ticketsOf = async (email: string) => (await app.request('GET', `/tickets?requester=${encodeURIComponent(email)}&status=all&limit=100`, { token: admin })).json.items as { key: string }[];

/** Sent mails addressed to someone, now. */
async function outboxMailsTo(address: string) {
  const dir = app.sideEffects!.outboxDir;
  const mails = await Promise.all(
    readdirSync(dir)
      .filter((file) => file.endsWith('.eml'))
      .map((file) => simpleParser(readFileSync(join(dir, file)))),
  );
  return mails.filter((mail) => JSON.stringify(mail.to).includes(address));
}

/**
 * A mail from someone not blocked, through to its acknowledgement: the intake and the notifications
 * run in order, so once this is answered, anything a held mail sent earlier would have arrived too.
 */
async function settleWithControlMail(): Promise<void> {
  const control = `control.${unique()}@example.org`;
  await send({ from: control, subject: 'Control' });
  await ticketsOfRequester(app, admin, control, 1);
  await eventually(async () => ((await outboxMailsTo(control)).length ? true : undefined), 'the control mail was never acknowledged');
}

const block = (body: unknown, token = admin) => app.request('POST', '/mail/blocked', { token, body });

beforeAll(async () => {
  app = await startTestApp({ config, sideEffects: true });
  admin = await app.token({ role: 'admin' });
  smtp = createTransport({ host: '127.0.0.1', port: app.sideEffects!.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp?.close();
  await app?.close();
});

describe('blocked senders and domains', () => {
  it("holds a blocked domain's mail, subdomains included: listed with reason blocked, unanswered, no ticket", async () => {
    const domain = `spam-${Math.random().toString(36).slice(2)}.example`;
    expect((await block({ domain, note: 'sends offers' })).status).toBe(201);
    const robot = `robot@${domain}`;
    const relay = `relay@mail.${domain}`;
    const fromRobot = await send({ from: robot, subject: 'Cheap offers' });
    const fromRelay = await send({ from: relay, subject: 'More offers' });

    expect(await heldMail(fromRobot)).toMatchObject({ reason: 'blocked', detail: `the domain ${domain} is blocked`, from: robot, location: expect.stringMatching(/^s3:\/\//) });
    expect(await heldMail(fromRelay)).toMatchObject({ reason: 'blocked', detail: `the domain ${domain} is blocked`, from: relay });
    expect((await heldMail(fromRobot)).outcome).toBeUndefined();
    await settleWithControlMail();
    expect(await ticketsOf(robot)).toEqual([]);
    expect(await ticketsOf(relay)).toEqual([]);
    expect(await outboxMailsTo(robot)).toEqual([]);
    expect(await outboxMailsTo(relay)).toEqual([]);
  });

  it('holds a blocked single sender, its replies on its own ticket too, while others of the domain get through', async () => {
    const domain = `corp-${Math.random().toString(36).slice(2)}.example`;
    const noisy = `noisy@${domain}`;
    const colleague = `colleague@${domain}`;
    const first = await send({ from: noisy, subject: 'Printer broken' });
    const [ticket] = await ticketsOfRequester<{ key: string }>(app, admin, noisy, 1);
    await eventually(async () => ((await outboxMailsTo(noisy)).length ? true : undefined), 'the first mail was never acknowledged');

    expect((await block({ sender: noisy.toUpperCase() })).json.blocked).toMatchObject({ kind: 'sender', value: noisy, blockedBy: 'admin@example.com' });
    const reply = await send({ from: noisy, subject: 'Re: Printer broken', inReplyTo: first, text: 'Still broken!!!' });
    const fresh = await send({ from: noisy, subject: 'Another thing' });
    await send({ from: colleague, subject: 'Projector' });

    expect(await heldMail(reply)).toMatchObject({ reason: 'blocked', detail: 'the sender is blocked' });
    expect(await heldMail(fresh)).toMatchObject({ reason: 'blocked' });
    await ticketsOfRequester(app, admin, colleague, 1);
    await settleWithControlMail();
    expect(await ticketsOf(noisy)).toHaveLength(1);
    expect((await app.request('GET', `/tickets/${ticket!.key}`, { token: admin })).json.comments).toEqual([]);
    // Only the acknowledgement of the mail sent before the block.
    expect(await outboxMailsTo(noisy)).toHaveLength(1);
  });

  it('lets the next mail through once the block is lifted', async () => {
    const sender = `lifted.${unique()}@example.net`;
    await block({ sender });
    const held = await send({ from: sender, subject: 'While blocked' });
    expect(await heldMail(held)).toMatchObject({ reason: 'blocked' });

    expect((await app.request('DELETE', `/mail/blocked/${encodeURIComponent(sender)}`, { token: admin })).status).toBe(204);
    await send({ from: sender, subject: 'After the block' });
    const [ticket] = await ticketsOfRequester<{ subject: string }>(app, admin, sender, 1);
    expect(ticket!.subject).toBe('After the block');
    expect(((await app.request('GET', '/mail/blocked', { token: admin })).json.items as Blocked[]).some((entry) => entry.value === sender)).toBe(false);
  });
});

describe('the flood limit on new tickets', () => {
  it(`holds the new ticket after ${FLOOD_LIMIT} in the hour with its reason, while replies on the tickets still thread`, async () => {
    // The count is per clock hour: start well inside one (waits at most 30 s, once in 120 runs).
    const intoHour = Date.now() % 3_600_000;
    if (intoHour > 3_570_000) await new Promise((resolve) => setTimeout(resolve, 3_600_000 - intoHour + 100));
    const robot = `monitor.${unique()}@alerts.example.org`;
    const firstId = await send({ from: robot, subject: 'Disk full 1' });
    await ticketsOfRequester(app, admin, robot, 1);
    for (let index = 2; index <= FLOOD_LIMIT; index++) await send({ from: robot, subject: `Disk full ${index}` });
    const tickets = await ticketsOfRequester<{ key: string; subject: string }>(app, admin, robot, FLOOD_LIMIT);

    const over = await send({ from: robot, subject: `Disk full ${FLOOD_LIMIT + 1}` });
    const held = await heldMail(over);
    expect(held).toMatchObject({ reason: 'flood', from: robot, location: expect.stringMatching(/^s3:\/\//) });
    expect(held.detail).toMatch(new RegExp(`^more than ${FLOOD_LIMIT} new tickets from this sender in the hour`));

    const first = tickets.find((ticket) => ticket.subject === 'Disk full 1')!;
    await send({ from: robot, subject: 'Re: Disk full 1', inReplyTo: firstId, text: 'Cleaned up, fine now.' });
    const comments = await commentsOfTicket<{ body: string }>(app, admin, first.key, 1);
    expect(comments[0]!.body).toBe('Cleaned up, fine now.');
    await settleWithControlMail();
    expect(await ticketsOf(robot)).toHaveLength(FLOOD_LIMIT);
    // Another sender is counted on its own.
    const other = `other.${unique()}@alerts.example.org`;
    await send({ from: other, subject: 'Disk full elsewhere' });
    await ticketsOfRequester(app, admin, other, 1);
  });
});

describe('the hourly count of new tickets', () => {
  it('counts a mail once however often it is counted, and each sender and hour apart', async () => {
    const limiter = new DynamoDbNewTicketLimiter(createDocumentClient(app.endpoint), app.tableName);
    const sender = `count.${unique()}@example.org`;
    const at = new Date('2026-11-02T10:15:00Z');
    expect(await limiter.allow(sender, '<one@example.org>', at, 2)).toBe(true);
    expect(await limiter.allow(sender, '<one@example.org>', at, 2)).toBe(true);
    expect(await limiter.allow(sender, '<two@example.org>', at, 2)).toBe(true);
    expect(await limiter.allow(sender, '<three@example.org>', at, 2)).toBe(false);
    // A redelivery of a counted mail passes again, even with the hour full.
    expect(await limiter.allow(sender, '<two@example.org>', at, 2)).toBe(true);
    expect(await limiter.allow(sender, '<three@example.org>', new Date('2026-11-02T11:00:00Z'), 2)).toBe(true);
    expect(await limiter.allow(`other.${unique()}@example.org`, '<three@example.org>', at, 2)).toBe(true);
  });
});

describe('the blocklist API', () => {
  it('is for admins only', async () => {
    for (const role of ['agent', 'manager', 'requester'] as const) {
      const token = await app.token({ role });
      expect((await block({ domain: 'never.example' }, token)).status).toBe(403);
      expect((await app.request('GET', '/mail/blocked', { token })).status).toBe(403);
      expect((await app.request('DELETE', '/mail/blocked/never.example', { token })).status).toBe(403);
    }
    const client = await app.token({ client: 'integration', scopes: ['servicedesk/tickets.write', 'servicedesk/tickets.read'] });
    expect((await block({ domain: 'never.example' }, client)).status).toBe(403);
    expect(((await app.request('GET', '/mail/blocked', { token: admin })).json.items as Blocked[]).some((entry) => entry.value === 'never.example')).toBe(false);
  });

  it('names the field of bad input', async () => {
    const fields = async (body: unknown) => (await block(body)).json.error.details as { path: string; message: string }[];
    const badSender = await block({ sender: 'not-an-address' });
    expect(badSender.status).toBe(400);
    expect(badSender.json.error.details).toEqual([expect.objectContaining({ path: 'sender', message: expect.stringContaining('not an email address') })]);
    expect(await fields({ domain: 'jane@example.org' })).toEqual([expect.objectContaining({ path: 'domain', message: expect.stringContaining('not a domain') })]);
    expect(await fields({ domain: 'localhost' })).toEqual([expect.objectContaining({ path: 'domain' })]);
    expect(await fields({ sender: 'jane@example.org', domain: 'example.org' })).toEqual([expect.objectContaining({ path: 'domain', message: 'send either sender or domain, not both' })]);
    expect(await fields({})).toEqual([expect.objectContaining({ path: 'sender', message: 'send sender (an address) or domain' })]);
    expect(await fields({ domain: 'example.org', reject: true })).toEqual([expect.objectContaining({ path: 'reject', message: 'is not a known field' })]);
    const badEntry = await app.request('DELETE', '/mail/blocked/not%20a%20domain', { token: admin });
    expect(badEntry.status).toBe(400);
    expect(badEntry.json.error.details).toEqual([expect.objectContaining({ path: 'entry' })]);
  });

  it('keeps one entry when the same block is sent twice, lists it and lifts it', async () => {
    const domain = `twice-${Math.random().toString(36).slice(2)}.example`;
    const first = await block({ domain, note: 'first' });
    const again = await block({ domain: `${domain.toUpperCase()}.`, note: 'second' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.blocked).toEqual(first.json.blocked);
    expect(first.json.blocked).toMatchObject({ kind: 'domain', value: domain, note: 'first', blockedBy: 'admin@example.com' });
    const listed = (await app.request('GET', '/mail/blocked', { token: admin })).json.items as Blocked[];
    expect(listed.filter((entry) => entry.value === domain)).toEqual([first.json.blocked]);
    expect(listed.findIndex((entry) => entry.kind === 'sender')).toBeGreaterThan(listed.findLastIndex((entry) => entry.kind === 'domain'));

    expect((await app.request('DELETE', `/mail/blocked/${domain}`, { token: admin })).status).toBe(204);
    expect((await app.request('DELETE', `/mail/blocked/${domain}`, { token: admin })).status).toBe(204);
    expect(((await app.request('GET', '/mail/blocked', { token: admin })).json.items as Blocked[]).some((entry) => entry.value === domain)).toBe(false);
    const renewed = await block({ domain, note: 'again' });
    expect(renewed.status).toBe(201);
    expect(renewed.json.blocked).toMatchObject({ note: 'again' });
  });
});
