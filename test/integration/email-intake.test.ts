import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey } from '../../shared/auth/derive-key.ts';
import { replyAddress } from '../../shared/email/plus-address.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { commentsOfTicket, eventually, ticketsOfRequester } from './polling.ts';

let app: TestApp;
let smtp: Transporter;
let admin: string;
const DESK = 'support@desk.example.com';

type Ticket = { key: string; subject: string; channel: string; desk: string; requester: { email: string }; watchers?: string[]; status: string };
type Attachment = { name: string; contentType: string; size: number; location?: string; inline?: boolean; refused?: string };
type Comment = { body: string; public: boolean; author: { email: string; role: string }; attachments: Attachment[] };

const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;

async function send(mail: { from: string; to?: string; cc?: string; subject: string; text: string; messageId?: string; inReplyTo?: string; headers?: Record<string, string> }) {
  const messageId = mail.messageId ?? `<${unique()}@mail.example.org>`;
  await smtp.sendMail({ to: DESK, ...mail, messageId, ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}) });
  return messageId;
}

const ticketsOf = (email: string, count: number) => ticketsOfRequester<Ticket>(app, admin, email, count);
const commentsOf = (key: string, count: number) => commentsOfTicket<Comment>(app, admin, key, count);

beforeAll(async () => {
  app = await startTestApp({ sideEffects: true });
  admin = await app.token({ role: 'admin' });
  smtp = createTransport({ host: '127.0.0.1', port: app.sideEffects!.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp?.close();
  await app?.close();
});

describe('mail to the desk', () => {
  it('opens a ticket from a new mail, routed to the default desk', async () => {
    const from = `ann.${unique()}@example.org`;
    await send({ from: `Ann Example <${from}>`, subject: 'Monitor flickers', text: 'Since this morning the left monitor flickers.' });
    const [ticket] = await ticketsOf(from, 1);
    expect(ticket).toMatchObject({ subject: 'Monitor flickers', channel: 'email', requester: { email: from }, desk: 'it', status: 'new' });
  });

  it('threads a reply by In-Reply-To and keeps only the new text', async () => {
    const from = `ben.${unique()}@example.org`;
    const first = await send({ from, subject: 'VPN fails', text: 'The VPN client says error 809.' });
    const [ticket] = await ticketsOf(from, 1);
    await send({ from, subject: 'Re: VPN fails', inReplyTo: first, text: 'It works again after a restart.\n\nOn Mon, Nov 2, 2026 at 9:00 AM Ben <ben@example.org> wrote:\n> The VPN client says error 809.\n' });
    const comments = await commentsOf(ticket!.key, 1);
    expect(comments[0]).toMatchObject({ public: true, body: 'It works again after a restart.', author: { email: from, role: 'requester' } });
    expect(await ticketsOf(from, 1)).toHaveLength(1);
  });

  it('threads by the ticket token in the subject and by a signed plus-address', async () => {
    const from = `cleo.${unique()}@example.org`;
    await send({ from, subject: 'Keyboard missing keys', text: 'The E key is gone.' });
    const [ticket] = await ticketsOf(from, 1);
    await send({ from, subject: `Re: [${ticket!.key}] Keyboard missing keys`, text: 'Also the R key now.' });
    await commentsOf(ticket!.key, 1);
    const address = replyAddress(DESK, ticket!.key, deriveKey(app.approvalLinkKey, 'reply-address'));
    await send({ from, to: address, subject: 'one more thing', text: 'And the space bar.' });
    const comments = await commentsOf(ticket!.key, 2);
    expect(comments.map((comment) => comment.body)).toEqual(['Also the R key now.', 'And the space bar.']);
    const forged = DESK.replace('@', `+${ticket!.key.toLowerCase()}.aaaaaaaaaa@`);
    await send({ from, to: forged, subject: 'forged', text: 'This must open a new ticket.' });
    expect((await ticketsOf(from, 2)).length).toBe(2);
  });

  it('lets someone copied on the mail answer with reply-all on the same ticket', async () => {
    const from = `dora.${unique()}@example.org`;
    const colleague = `eli.${unique()}@example.org`;
    const first = await send({ from, cc: colleague, subject: 'Printer offline', text: 'Printer 3 is offline.' });
    const [ticket] = await ticketsOf(from, 1);
    expect(ticket!.watchers).toEqual([colleague]);
    await send({ from: colleague, cc: from, subject: 'Re: Printer offline', inReplyTo: first, text: 'Same here on floor 3.' });
    expect((await commentsOf(ticket!.key, 1))[0]).toMatchObject({ author: { email: colleague } });
    expect(await app.request('GET', `/tickets?requester=${encodeURIComponent(colleague)}&status=all`, { token: admin }).then((r) => r.json.items)).toEqual([]);
  });

  it('does not let a stranger append to someone else\'s ticket', async () => {
    const from = `fay.${unique()}@example.org`;
    const stranger = `gus.${unique()}@example.org`;
    const first = await send({ from, subject: 'Access badge', text: 'My badge stopped working.' });
    const [ticket] = await ticketsOf(from, 1);
    await send({ from: stranger, subject: 'Re: Access badge', inReplyTo: first, text: 'Give me access too.' });
    await ticketsOf(stranger, 1);
    expect((await app.request('GET', `/tickets/${ticket!.key}`, { token: admin })).json.comments).toEqual([]);
  });

  it('opens no ticket for an out-of-office reply, and notes one that answers a ticket internally', async () => {
    const from = `hal.${unique()}@example.org`;
    await send({ from, subject: 'Out of office', text: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    const first = await send({ from, subject: 'Laptop slow', text: 'Very slow.' });
    const [ticket] = await ticketsOf(from, 1);
    await send({ from, subject: 'Automatic reply: Laptop slow', inReplyTo: first, text: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    const [note] = await commentsOf(ticket!.key, 1);
    expect(note).toMatchObject({ public: false });
    expect(await ticketsOf(from, 1)).toHaveLength(1);
  });

  it('applies a mail delivered twice only once', async () => {
    const from = `ida.${unique()}@example.org`;
    const messageId = `<${unique()}@mail.example.org>`;
    await send({ from, subject: 'Twice', text: 'Sent twice by a retrying server.', messageId });
    await send({ from, subject: 'Twice', text: 'Sent twice by a retrying server.', messageId });
    await ticketsOf(from, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await ticketsOf(from, 1)).toHaveLength(1);
  });

  it('quarantines a mail without a usable sender and goes on with the next', async () => {
    await smtp.sendMail({ envelope: { from: 'x@example.org', to: [DESK] }, raw: 'Subject: no sender\r\n\r\nbody\r\n' });
    const from = `jo.${unique()}@example.org`;
    await send({ from, subject: 'After the bad one', text: 'Still processed.' });
    expect(await ticketsOf(from, 1)).toHaveLength(1);
    expect(app.sideEffects!.smtp.deadLetters()).toEqual([]);
    const listed = await app.request('GET', '/mail/quarantine', { token: admin });
    const quarantined: { reason: string; location: string }[] = listed.json.items;
    expect(quarantined.map((item) => item.reason)).toContain('From: missing or not an address');
    expect(quarantined[0]!.location).toMatch(/^s3:\/\/servicedesk-local-mail\/inbound\//);
    const agent = await app.token({ role: 'agent' });
    expect((await app.request('GET', '/mail/quarantine', { token: agent })).status).toBe(403);
  });

  it('keeps the files of a mail in the mail bucket, and lists the ones over the limits with the reason', async () => {
    const from = `kai.${unique()}@example.org`;
    const report = Buffer.from('%PDF-1.4 error log\n');
    await smtp.sendMail({
      from,
      to: DESK,
      subject: 'Crash report',
      text: 'Log and screenshot attached.',
      attachments: [
        { filename: 'crash log (1).pdf', content: report, contentType: 'application/pdf' },
        { filename: 'screen.png', content: Buffer.alloc(2048, 1), contentType: 'image/png' },
      ],
    });
    const [ticket] = await ticketsOf(from, 1);
    const opened = (await app.request('GET', `/tickets/${ticket!.key}`, { token: admin })).json.ticket;
    expect(opened.attachments).toEqual([
      { name: 'crash log (1).pdf', contentType: 'application/pdf', size: report.length, location: expect.stringMatching(/^attachments\/[0-9a-f]{32}\/0\/crash_log_1_.pdf$/) },
      { name: 'screen.png', contentType: 'image/png', size: 2048, location: expect.stringMatching(/^attachments\/[0-9a-f]{32}\/1\/screen.png$/) },
    ]);
    expect(readFileSync(join(app.sideEffects!.mailDir, ...opened.attachments[0].location.split('/')))).toEqual(report);
    // The raw mail is kept and linked.
    expect(opened.rawMail).toMatch(/^s3:\/\/servicedesk-local-mail\/inbound\//);

    // Staff download a file through a short-lived link; the requester's own ticket too; nobody else.
    const path = `/tickets/${ticket!.key}/attachments?location=${encodeURIComponent(opened.attachments[0].location)}`;
    const link = await app.request('GET', path, { token: admin });
    expect(link.status).toBe(302);
    expect(link.json).toMatchObject({ name: 'crash log (1).pdf', expiresInSeconds: 300 });
    expect(link.headers.location).toBe(link.json.url);
    expect(link.json.url).toContain('X-Amz-Signature=');
    const download = await fetch(link.json.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="crash log (1).pdf"; filename*=UTF-8''crash%20log%20(1).pdf`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(report);
    expect((await app.request('GET', path, { token: await app.token({ email: from }) })).status).toBe(302);
    expect((await app.request('GET', path, { token: await app.token({ email: `someone.${unique()}@example.org` }) })).status).toBe(404);
    expect((await app.request('GET', `/tickets/${ticket!.key}/attachments?location=attachments%2F${'0'.repeat(32)}%2F0%2Fx.pdf`, { token: admin })).status).toBe(404);

    // 21 files: the default limit stores 20 and lists the last one with the reason.
    const files = Array.from({ length: 21 }, (_, index) => ({ filename: `part-${index}.txt`, content: `file ${index}`, contentType: 'text/plain' }));
    await smtp.sendMail({ from, to: DESK, subject: `Re: [${ticket!.key}] Crash report`, text: 'All the logs.', attachments: files });
    const [comment] = await commentsOf(ticket!.key, 1);
    expect(comment!.attachments).toHaveLength(21);
    expect(comment!.attachments.filter((attachment) => attachment.location)).toHaveLength(20);
    expect((comment as Comment & { rawMail?: string }).rawMail).toMatch(/^s3:\/\/servicedesk-local-mail\/inbound\//);
    expect(comment!.attachments[20]).toEqual({ name: 'part-20.txt', contentType: 'text/plain', size: 7, refused: 'over the limit of 20 attachments per mail' });
  });
});

describe('automatic replies that carry no automatic headers', () => {
  /** The requester's tickets once the one with `subject` is there: a mail sent before it was handled before it. */
  async function ticketsOnceOpened(from: string, subject: string): Promise<Ticket[]> {
    return eventually(async () => {
      const items: Ticket[] = (await app.request('GET', `/tickets?requester=${encodeURIComponent(from)}&status=all&limit=100`, { token: admin })).json.items;
      return items.some((ticket) => ticket.subject === subject) ? items : undefined;
    }, `${from} never had a ticket "${subject}"`);
  }

  it('opens no ticket for a Lotus Notes "AUTO:" out-of-office reply, but does for a subject that merely starts with "Auto"', async () => {
    const from = `lotus.${unique()}@example.org`;
    await send({ from, subject: 'AUTO: Lena Lotus is out of the office (returning 09.03.2026)', text: 'I will be out of the office until 9 March 2026.\nI will respond to your message when I return.' });
    await send({ from, subject: 'Autocad licence expired', text: 'Autocad says my licence expired.' });
    expect((await ticketsOnceOpened(from, 'Autocad licence expired')).map((ticket) => ticket.subject)).toEqual(['Autocad licence expired']);
  });

  it('opens no ticket for a challenge-response robot asking to confirm the sender is human', async () => {
    const from = `guarded.${unique()}@example.org`;
    await send({
      from,
      subject: 'Re: [SD-1] We received your request',
      text: 'Hello, I protect my inbox with a challenge-response filter.\nPlease confirm that you are a human by clicking the link below, and your message will be delivered.\nhttps://cr.example.net/confirm/8f3a',
    });
    await send({ from, subject: 'Badge reader broken', text: 'The badge reader at door 2 is broken.' });
    expect((await ticketsOnceOpened(from, 'Badge reader broken')).map((ticket) => ticket.subject)).toEqual(['Badge reader broken']);
  });
});
