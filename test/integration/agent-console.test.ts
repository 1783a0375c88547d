import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '../../servicedesk.config.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbUndeliverableAddresses } from '../../shared/adapters/dynamodb/dynamodb-undeliverable-addresses.ts';
import { SCOPES } from '../../shared/auth/scopes.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { eventually } from './polling.ts';

const SIGNATURE = 'Alice Agent\nIT Service Desk, ext. 4711';
const config = {
  ...rawConfig,
  users: rawConfig.users!.map((user) => (user.email === 'alice.agent@example.com' ? { ...user, signature: SIGNATURE } : user)),
};

let app: TestApp;
let admin: string;
let alice: string;
let rita: string;
let writeClient: string;

const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;

/** The sent mails (exact copies from the outbox) with `address` among their To or Cc, once there are `count`. */
function mailsTo(address: string, count: number): Promise<ParsedMail[]> {
  return eventually(async () => {
    const dir = app.sideEffects!.outboxDir;
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.eml'))
      .sort();
    const mails = await Promise.all(files.map(async (file) => simpleParser(readFileSync(join(dir, file)))));
    const mine = mails.filter((mail) => JSON.stringify([mail.to, mail.cc]).includes(address));
    return mine.length >= count ? mine : undefined;
  }, `${address} never got ${count} mails`);
}

const addresses = (field: ParsedMail['to']) => (field ? (Array.isArray(field) ? field : [field]).flatMap((entry) => entry.value.map((mailbox) => mailbox.address)) : []);

async function ritasTicket(subject: string): Promise<string> {
  const created = await app.request('POST', '/tickets', { token: rita, body: { subject: `${subject} ${unique()}` } });
  expect(created.status, created.text).toBe(201);
  return created.json.ticket.key;
}

beforeAll(async () => {
  app = await startTestApp({ sideEffects: true, config });
  admin = await app.token({ email: 'admin@example.com' });
  alice = await app.token({ email: 'alice.agent@example.com' });
  rita = await app.token({ email: 'rita@example.org' });
  writeClient = await app.token({ client: 'integration', scopes: [SCOPES.ticketsRead, SCOPES.ticketsWrite] });
});

afterAll(() => app?.close());

describe('GET /admin/config', () => {
  it('shows an admin the desks, staff with signatures, catalog, SLA policies, calendars and rules the desk runs', async () => {
    const response = await app.request('GET', '/admin/config', { token: admin });
    expect(response.status, response.text).toBe(200);
    const view = response.json.config;
    expect(view.desks.map((desk: { id: string }) => desk.id)).toEqual(['it', 'hr', 'facilities']);
    expect(view.staff).toContainEqual({ email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent', signature: SIGNATURE });
    expect(view.catalog.map((node: { id: string }) => node.id)).toEqual(['it', 'hr', 'facilities']);
    expect(view.slaPolicies.map((policy: { id: string }) => policy.id)).toEqual(['sla-demo', 'it-major', 'it-standard', 'facilities']);
    expect(view.calendars.find((calendar: { id: string }) => calendar.id === 'office').timeZone).toBe('Europe/Berlin');
    expect(view.email).toMatchObject({ address: 'support@desk.example.com', name: 'Example Service Desk' });
    expect(view).not.toHaveProperty('directory');
  });

  it('refuses everyone else, machine clients included', async () => {
    for (const token of [alice, rita, writeClient]) expect((await app.request('GET', '/admin/config', { token })).status).toBe(403);
  });
});

describe('SLA time left in ticket responses', () => {
  interface Clock {
    metric: string;
    state: string;
    targetMinutes: number;
    businessMinutesLeft?: number;
    countsDownUntil?: string | null;
    nextOpening?: string;
  }
  const clocksOf = (ticket: { sla?: { clocks: Clock[] } }) => ticket.sla!.clocks;

  it('counts a round-the-clock major incident down from its target, with no closing for a year', async () => {
    const before = Date.now();
    const key = await ritasTicket('Mail outage');
    const view = (await app.request('GET', `/tickets/${key}`, { token: alice })).json.ticket;
    expect(view.sla.policy).toBe('it-major');
    for (const clock of clocksOf(view)) {
      expect(clock.state).toBe('running');
      expect(clock.businessMinutesLeft).toBeLessThanOrEqual(clock.targetMinutes);
      expect(clock.businessMinutesLeft).toBeGreaterThan(clock.targetMinutes - (Date.now() - before) / 60_000 - 0.001);
      expect(Date.parse(clock.countsDownUntil!) - before).toBeGreaterThan(365 * 86_400_000);
      expect(clock).not.toHaveProperty('nextOpening');
    }
  });

  it('gives an office-hours ticket either its next closing or, while closed, the next opening, in the ticket, the lists and the queue', async () => {
    const key = await ritasTicket('Printer jams');
    const single = (await app.request('GET', `/tickets/${key}`, { token: alice })).json.ticket;
    const listed = (await app.request('GET', '/tickets?desk=it&limit=100', { token: alice })).json.items.find((item: { key: string }) => item.key === key);
    const queued = (await app.request('GET', '/desks/it/queue?limit=100', { token: alice })).json.items.find((item: { key: string }) => item.key === key);
    for (const view of [single, listed, queued]) {
      expect(view.sla.policy).toBe('it-standard');
      for (const clock of clocksOf(view)) {
        expect(typeof clock.businessMinutesLeft).toBe('number');
        expect(clock.businessMinutesLeft).toBeLessThanOrEqual(clock.targetMinutes);
        if (clock.countsDownUntil === null) expect(Date.parse(clock.nextOpening!)).toBeGreaterThan(Date.now() - 60_000);
        else {
          expect(Date.parse(clock.countsDownUntil!)).toBeGreaterThan(Date.now() - 60_000);
          expect(clock).not.toHaveProperty('nextOpening');
        }
      }
    }
  });

  it('gives a met clock no time left', async () => {
    const key = await ritasTicket('Monitor flickers');
    const reply = await app.request('POST', `/tickets/${key}/comments`, { token: alice, body: { body: 'Looking into it.' } });
    const firstResponse = clocksOf(reply.json.ticket).find((clock) => clock.metric === 'first_response')!;
    expect(firstResponse.state).toBe('met');
    expect(firstResponse).not.toHaveProperty('businessMinutesLeft');
    expect(firstResponse).not.toHaveProperty('countsDownUntil');
  });
});

describe('copying people on a reply', () => {
  it("makes them watchers who get the reply, which ends with the agent's signature, while the comment stays as typed", async () => {
    const key = await ritasTicket('VPN drops');
    const lee = `lee.${unique()}@partner.example`;
    const reply = await app.request('POST', `/tickets/${key}/comments`, { token: alice, body: { body: 'Lee from the network team will call you.', cc: [lee] } });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json.ticket.watchers).toEqual([lee]);
    expect(reply.json.comment.body).toBe('Lee from the network team will call you.');

    const [mail] = await mailsTo(lee, 1);
    expect(addresses(mail!.to)).toEqual(['rita@example.org']);
    expect(addresses(mail!.cc)).toEqual([lee]);
    expect(mail!.text).toContain(`Lee from the network team will call you.\n\n${SIGNATURE}\n`);
    expect(mail!.html).toContain('Alice Agent<br>\nIT Service Desk, ext. 4711');

    const history = (await app.request('GET', `/tickets/${key}/history`, { token: alice })).json.items as { action: string; detail?: string; changes: { field: string }[] }[];
    const commented = history.find((event) => event.action === 'commented')!;
    expect(commented.detail).toBe(`copied on the reply: ${lee}`);
    expect(commented.changes.map((change) => change.field)).toContain('watchers');
  });

  it('refuses cc on an internal note and from the requester, naming cc, and copies nobody', async () => {
    const key = await ritasTicket('Keyboard sticky');
    const note = await app.request('POST', `/tickets/${key}/comments`, { token: alice, body: { body: 'Check the stock.', public: false, cc: ['x@partner.example'] } });
    expect(note.status).toBe(400);
    expect(note.json.error.details).toEqual([{ path: 'cc', message: expect.stringContaining('only a public reply') }]);
    const fromRita = await app.request('POST', `/tickets/${key}/comments`, { token: rita, body: { body: 'My colleague too.', cc: ['x@partner.example'] } });
    expect(fromRita.status).toBe(400);
    expect(fromRita.json.error.details).toEqual([{ path: 'cc', message: expect.any(String) }]);
    const tooMany = await app.request('POST', `/tickets/${key}/comments`, { token: alice, body: { body: 'Everyone.', cc: Array.from({ length: 11 }, (_, i) => `p${i}@partner.example`) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details[0].path).toBe('cc');
    const ticket = (await app.request('GET', `/tickets/${key}`, { token: alice })).json;
    expect(ticket.ticket).not.toHaveProperty('watchers');
    expect(ticket.comments).toEqual([]);
  });
});

describe('POST /tickets/{key}/reply-preview', () => {
  it('shows the mail the reply then sends: the same recipients, subject, text and HTML', async () => {
    const key = await ritasTicket('Laptop battery');
    const sam = `sam.${unique()}@partner.example`;
    const body = { body: 'A new battery is on its way.\nIt arrives tomorrow.', cc: [sam] };
    const preview = await app.request('POST', `/tickets/${key}/reply-preview`, { token: alice, body });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json).toMatchObject({ from: 'IT Service Desk <it@desk.example.com>', to: ['rita@example.org'], cc: [sam], suppressed: [] });
    // Nothing was written: no comment, no watcher.
    expect((await app.request('GET', `/tickets/${key}`, { token: alice })).json.ticket).not.toHaveProperty('watchers');

    expect((await app.request('POST', `/tickets/${key}/comments`, { token: alice, body })).status).toBe(201);
    const [mail] = await mailsTo(sam, 1);
    expect(addresses(mail!.to)).toEqual(preview.json.to);
    expect(addresses(mail!.cc)).toEqual(preview.json.cc);
    expect(mail!.subject).toBe(preview.json.subject);
    expect(mail!.text).toBe(preview.json.text);
    expect(mail!.html).toBe(preview.json.html);
    expect(preview.json.text).toContain(SIGNATURE);
  });

  it('names the recipients before anything is typed, and those a bounce keeps out', async () => {
    const key = await ritasTicket('Headset broken');
    const gone = `gone.${unique()}@partner.example`;
    await new DynamoDbUndeliverableAddresses(createDocumentClient(app.endpoint), app.tableName).mark(
      { address: gone, bouncedAt: '2026-10-30T08:00:00.000Z', status: '5.1.1', ticketKey: 'SD-1' },
      new Date(Date.now() + 86_400_000),
    );
    const preview = await app.request('POST', `/tickets/${key}/reply-preview`, { token: alice, body: { cc: [gone] } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json).toMatchObject({ to: ['rita@example.org'], cc: [] });
    expect(preview.json.suppressed).toEqual([{ address: gone, reason: 'undeliverable', detail: expect.stringContaining('2026-10-30') }]);
    const empty = await app.request('POST', `/tickets/${key}/reply-preview`, { token: alice });
    expect(empty.status, empty.text).toBe(200);
    expect(empty.json).toMatchObject({ to: ['rita@example.org'], cc: [], subject: expect.stringContaining(`[${key}]`) });
  });

  it('names a bad address to copy, and refuses the requester', async () => {
    const key = await ritasTicket('Dock dead');
    const desk = await app.request('POST', `/tickets/${key}/reply-preview`, { token: alice, body: { cc: ['ok@partner.example', 'it@desk.example.com'] } });
    expect(desk.status).toBe(400);
    expect(desk.json.error.details).toEqual([{ path: 'cc[1]', message: expect.stringContaining('would open a ticket') }]);
    expect((await app.request('POST', `/tickets/${key}/reply-preview`, { token: rita, body: {} })).status).toBe(403);
  });
});
