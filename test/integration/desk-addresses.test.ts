import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';
import { commentsOfTicket, eventually, ticketsOfRequester } from './polling.ts';

// The shipped configuration: support@ desk-wide (IT is the default desk), it@, hr@ and facilities@ per desk.
let app: TestApp;
let smtp: Transporter;
let admin: string;
// HR is restricted: its manager, not an admin, sees its tickets.
let hrManager: string;

const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;

/** The sent mails (exact copies from the outbox) to someone once there are at least `count`; bounded polling. */
function mailsTo(address: string, count: number): Promise<ParsedMail[]> {
  return eventually(async () => {
    const dir = app.sideEffects!.outboxDir;
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.eml'))
      .sort();
    const mails = await Promise.all(files.map((file) => simpleParser(readFileSync(join(dir, file)))));
    const mine = mails.filter((mail) => JSON.stringify(mail.to).includes(address));
    return mine.length >= count ? mine : undefined;
  }, `${address} never got ${count} mails`);
}

async function ticketOf(email: string, token = admin) {
  const [ticket] = await ticketsOfRequester<{ key: string; desk: string; watchers?: string[] }>(app, token, email, 1);
  return ticket!;
}

const sender = (mail: ParsedMail) => mail.from!.value[0]!;
const replyTo = (mail: ParsedMail) => mail.replyTo!.value[0]!.address!;

async function reply(key: string, token: string, body: string) {
  const response = await app.request('POST', `/tickets/${key}/comments`, { token, body: { body } });
  expect(response.status, response.text).toBe(201);
}

beforeAll(async () => {
  app = await startTestApp({ sideEffects: true });
  admin = await app.token({ role: 'admin' });
  hrManager = await app.token({ email: 'hugo.hr@example.com' });
  smtp = createTransport({ host: '127.0.0.1', port: app.sideEffects!.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp?.close();
  await app?.close();
});

describe('a desk of its own address', () => {
  it("opens mail to hr@ on HR, and mails the agent's reply from hr@ with HR's name, signed reply address and signatures", async () => {
    const from = `pia.${unique()}@example.org`;
    await smtp.sendMail({ from, to: 'hr@desk.example.com', subject: 'Parental leave', text: 'How do I apply?' });
    const ticket = await ticketOf(from, hrManager);
    expect(ticket.desk).toBe('hr');
    const [ack] = await mailsTo(from, 1);
    expect(sender(ack!)).toEqual({ address: 'hr@desk.example.com', name: 'Example HR' });

    const hana = await app.token({ email: 'hana.hr@example.com' });
    // The composer's preview shows the same sender and signatures before anything is sent.
    const preview = await app.request('POST', `/tickets/${ticket.key}/reply-preview`, { token: hana, body: { body: 'Fill in form P-7.' } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json.from).toBe('Example HR <hr@desk.example.com>');
    expect(preview.json.text).toContain('Fill in form P-7.\n\nHana HR\nHuman Resources, room 2.14\n\nExample HR: personal matters stay between you and HR.');

    await reply(ticket.key, hana, 'Fill in form P-7 and send it to us.');
    const [, answer] = await mailsTo(from, 2);
    expect(sender(answer!)).toEqual({ address: 'hr@desk.example.com', name: 'Example HR' });
    expect(replyTo(answer!)).toMatch(new RegExp(`^hr\\+${ticket.key.toLowerCase()}\\.[a-z2-7]{10}@desk\\.example\\.com$`));
    // Hana's signature for HR, then HR's own, in the text and the HTML part.
    expect(answer!.text).toContain('Fill in form P-7 and send it to us.\n\nHana HR\nHuman Resources, room 2.14\n\nExample HR: personal matters stay between you and HR.');
    expect(answer!.html).toMatch(/Hana HR<br>\s*Human Resources, room 2\.14/);
    expect(answer!.html).toContain('Example HR: personal matters stay between you and HR.');
    expect(answer!.text).toContain('Example HR\n');

    // The requester answers the reply: it threads by the signed hr+ address alone.
    await smtp.sendMail({ from, to: replyTo(answer!), subject: 'Form', text: 'Sent it.' });
    const comments = await commentsOfTicket<{ body: string }>(app, hrManager, ticket.key, 2);
    expect(comments.map((comment) => comment.body)).toEqual(['Fill in form P-7 and send it to us.', 'Sent it.']);
  });

  it('opens mail to the desk-wide address on the default desk, as before', async () => {
    const from = `ole.${unique()}@example.org`;
    await smtp.sendMail({ from, to: 'support@desk.example.com', subject: 'VPN drops', text: 'Every hour.' });
    const ticket = await ticketOf(from);
    expect(ticket.desk).toBe('it');
    // The ticket's desk decides the sender: IT has it@.
    const [ack] = await mailsTo(from, 1);
    expect(sender(ack!)).toEqual({ address: 'it@desk.example.com', name: 'IT Service Desk' });
    expect(replyTo(ack!)).toMatch(new RegExp(`^it\\+${ticket.key.toLowerCase()}\\.`));
  });

  it('opens mail to two desk addresses on the first in To, then Cc, and copies neither in as a watcher', async () => {
    const first = `una.${unique()}@example.org`;
    await smtp.sendMail({ from: first, to: ['support@desk.example.com', 'facilities@desk.example.com'], cc: 'hr@desk.example.com', subject: 'Heating off', text: 'Room 3.01 is cold.' });
    const second = `vic.${unique()}@example.org`;
    await smtp.sendMail({ from: second, to: 'support@desk.example.com', cc: ['hr@desk.example.com', `colleague.${unique()}@example.org`], subject: 'My contract', text: 'Which version is current?' });
    const [heating, contract] = [await ticketOf(first), await ticketOf(second, hrManager)];
    expect(heating).toMatchObject({ desk: 'facilities', watchers: [] });
    expect(contract.desk).toBe('hr');
    expect(contract.watchers).toEqual([expect.stringMatching(/^colleague\./)]);
  });

  it('lets a routing rule still move mail that came to a desk address', async () => {
    // The shipped rule major-incident sends outages to IT's second level, whichever address they came to.
    const from = `xia.${unique()}@example.org`;
    await smtp.sendMail({ from, to: 'facilities@desk.example.com', subject: 'Door system outage', text: 'No badge opens a door.' });
    const [ticket] = await ticketsOfRequester<{ desk: string; level: string; key: string }>(app, admin, from, 1);
    expect(ticket).toMatchObject({ desk: 'it', level: 'l2' });
    const history = (await app.request('GET', `/tickets/${ticket!.key}/history`, { token: admin })).json.items as { detail?: string }[];
    expect(history.some((event) => event.detail?.includes("mailed to desk facilities's address") && event.detail.includes('routed by rule major-incident'))).toBe(true);
  });
});

describe('a ticket that moved desks', () => {
  it("still threads the old desk's signed address and the token, and answers from the new desk", async () => {
    const from = `wim.${unique()}@example.org`;
    await smtp.sendMail({ from, to: 'facilities@desk.example.com', subject: 'Laptop left in room 2', text: 'Can someone keep it?' });
    const ticket = await ticketOf(from);
    expect(ticket.desk).toBe('facilities');
    const [ack] = await mailsTo(from, 1);
    expect(replyTo(ack!)).toMatch(/^facilities\+/);

    const manager = await app.token({ email: 'maria.manager@example.com' });
    const current = await app.request('GET', `/tickets/${ticket.key}`, { token: manager });
    const moved = await app.request('PATCH', `/tickets/${ticket.key}`, { token: manager, headers: { 'if-match': current.headers.etag! }, body: { desk: 'it' } });
    expect(moved.status, moved.text).toBe(200);

    // Facilities' signed address, then the token in the subject to another desk's address.
    await smtp.sendMail({ from, to: replyTo(ack!), subject: 'Re: Laptop left in room 2', text: 'It is a grey one.' });
    await smtp.sendMail({ from, to: 'hr@desk.example.com', subject: `Re: [${ticket.key}] Laptop left in room 2`, text: 'With a sticker.' });
    const comments = await commentsOfTicket<{ body: string }>(app, admin, ticket.key, 2);
    expect(comments.map((comment) => comment.body)).toEqual(['It is a grey one.', 'With a sticker.']);
    expect(await ticketsOfRequester(app, admin, from, 1)).toHaveLength(1);

    await reply(ticket.key, await app.token({ email: 'alice.agent@example.com' }), 'IT keeps it at the service point.');
    const mails = await mailsTo(from, 2);
    const answer = mails.find((mail) => mail.text?.includes('IT keeps it'))!;
    expect(sender(answer)).toEqual({ address: 'it@desk.example.com', name: 'IT Service Desk' });
    expect(replyTo(answer)).toMatch(new RegExp(`^it\\+${ticket.key.toLowerCase()}\\.`));
  });
});
