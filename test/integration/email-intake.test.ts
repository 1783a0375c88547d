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

type Ticket = {
  key: string;
  subject: string;
  channel: string;
  desk: string;
  level: string;
  tags: string[];
  requester: { email: string; vip?: boolean; organisation?: string; replyTo?: string; unmailable?: string };
  watchers?: string[];
  status: string;
  unauthenticatedSender?: string;
  firstResponseAt?: string;
  lastPublicReply?: unknown;
};
type Attachment = { name: string; contentType: string; size: number; location?: string; inline?: boolean; refused?: string };
type Comment = { body: string; public: boolean; kind?: string; unverified?: { reason: string; sender: string }; author: { email: string; role: string }; attachments: Attachment[] };
type QuarantineEntry = { location: string; reason: string; outcome?: string; messageId?: string; from?: string };

const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;

async function send(mail: { from: string; to?: string; cc?: string; replyTo?: string; subject: string; text: string; messageId?: string; inReplyTo?: string; date?: Date; headers?: Record<string, string> }) {
  const messageId = mail.messageId ?? `<${unique()}@mail.example.org>`;
  await smtp.sendMail({ to: DESK, ...mail, messageId, ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}) });
  return messageId;
}

const ticketsOf = (email: string, count: number) => ticketsOfRequester<Ticket>(app, admin, email, count);
const commentsOf = (key: string, count: number) => commentsOfTicket<Comment>(app, admin, key, count);
const historyOf = async (key: string) => (await app.request('GET', `/tickets/${key}/history`, { token: admin })).json.items as { action: string; detail?: string }[];
const ticketOf = async (key: string) => (await app.request('GET', `/tickets/${key}`, { token: admin })).json as { ticket: Ticket; comments: Comment[] };
const listedMail = async () => (await app.request('GET', '/mail/quarantine', { token: admin })).json.items as QuarantineEntry[];

/** Sends with the SES verdicts the local intake writes set for this mail only. */
async function sendJudged(verdicts: Parameters<NonNullable<TestApp['sideEffects']>['smtp']['setVerdicts']>[0], mail: Parameters<typeof send>[0]) {
  app.sideEffects!.smtp.setVerdicts(verdicts);
  try {
    return await send(mail);
  } finally {
    app.sideEffects!.smtp.setVerdicts(undefined);
  }
}

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

  it('does not make the assignee a watcher when the requester copies them on a reply', async () => {
    const from = `hal.${unique()}@example.org`;
    const first = await send({ from, subject: 'Scanner jams', text: 'The scanner jams on every page.' });
    const [ticket] = await ticketsOf(from, 1);
    const agent = await app.token({ role: 'agent', email: 'alice.agent@example.com' });
    expect((await app.request('PATCH', `/tickets/${ticket!.key}`, { token: agent, body: { assignee: 'alice.agent@example.com' } })).status).toBe(200);
    await send({ from, cc: 'alice.agent@example.com', subject: 'Re: Scanner jams', inReplyTo: first, text: 'Still jams.' });
    await commentsOf(ticket!.key, 1);
    expect((await ticketOf(ticket!.key)).ticket.watchers).toEqual([]);
  });

  it("keeps a stranger's reply on the thread as an unverified note, and a stranger's subject token opens a ticket of its own", async () => {
    const from = `fay.${unique()}@example.org`;
    const stranger = `gus.${unique()}@example.org`;
    const first = await send({ from, subject: 'Access badge', text: 'My badge stopped working.' });
    const [ticket] = await ticketsOf(from, 1);
    await send({ from: stranger, subject: 'Re: Access badge', inReplyTo: first, text: 'Give me access too.' });
    const [kept] = await commentsOf(ticket!.key, 1);
    expect(kept).toMatchObject({ public: false, kind: 'unverified', unverified: { reason: 'new_participant', sender: stranger }, body: 'Give me access too.' });
    await send({ from: stranger, subject: `Re: [${ticket!.key}] Access badge`, text: 'And to the server room.' });
    await ticketsOf(stranger, 1);
    expect((await ticketOf(ticket!.key)).comments).toHaveLength(1);
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

  it('applies a mail delivered twice only once, and lists the second delivery as an ignored duplicate', async () => {
    const from = `ida.${unique()}@example.org`;
    const messageId = `<${unique()}@mail.example.org>`;
    // The same message: a retrying server sends the same bytes, Date included.
    const date = new Date('2026-11-02T09:00:00Z');
    await send({ from, subject: 'Twice', text: 'Sent twice by a retrying server.', messageId, date });
    await send({ from, subject: 'Twice', text: 'Sent twice by a retrying server.', messageId, date });
    const [ticket] = await ticketsOf(from, 1);
    const ignored = await eventually(async () => (await listedMail()).find((entry) => entry.from === from && entry.outcome === 'ignored'), 'the duplicate was never listed');
    expect(ignored).toMatchObject({ messageId, reason: `duplicate: ${messageId} was already applied to ${ticket!.key}` });
    expect(await ticketsOf(from, 1)).toHaveLength(1);
  });

  it('applies a different mail that reuses an applied Message-ID under an id of its own, and threads replies by the first', async () => {
    const from = `ivo.${unique()}@example.org`;
    const messageId = `<reused.${unique()}@buggy-mailer.example>`;
    await send({ from, subject: 'Scanner jammed', text: 'The scanner on floor 2 is jammed.', messageId });
    const [first] = await ticketsOf(from, 1);
    await send({ from, subject: 'Projector broken', text: 'The projector in room 4 shows nothing.', messageId });
    const tickets = await ticketsOf(from, 2);
    expect(tickets.map((ticket) => ticket.subject).sort()).toEqual(['Projector broken', 'Scanner jammed']);
    // The id still names the first mail's ticket.
    await send({ from, subject: 'Re: Scanner jammed', inReplyTo: messageId, text: 'Fixed itself.' });
    expect((await commentsOf(first!.key, 1))[0]!.body).toBe('Fixed itself.');
    expect(await ticketsOf(from, 2)).toHaveLength(2);
  });

  it('lists an automatic mail that answers no ticket as ignored, with the reason', async () => {
    const from = `ole.${unique()}@example.org`;
    const messageId = await send({ from, subject: 'Automatic reply', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    const ignored = await eventually(async () => (await listedMail()).find((entry) => entry.messageId === messageId), 'the automatic mail was never listed');
    expect(ignored).toMatchObject({ outcome: 'ignored', from, reason: 'automatic mail on no open ticket (Auto-Submitted: auto-replied)' });
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
    // A browser's fetch cannot read a redirect: asking for JSON gives the same link as a 200 answer.
    const asJson = await app.request('GET', path, { token: await app.token({ email: from }), headers: { accept: 'application/json' } });
    expect(asJson.status).toBe(200);
    expect(asJson.headers.location).toBeUndefined();
    expect(asJson.json).toMatchObject({ name: 'crash log (1).pdf', expiresInSeconds: 300, url: expect.stringContaining('X-Amz-Signature=') });
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

  it('keeps a mail with hundreds of long attachment names within one item: names cut, the listing capped, the rest counted', async () => {
    const from = `pia.${unique()}@example.org`;
    const files = Array.from({ length: 300 }, (_, index) => ({ filename: `${String(index).padStart(3, '0')}-${'n'.repeat(2_000)}.txt`, content: 'x', contentType: 'text/plain' }));
    await smtp.sendMail({ from, to: DESK, subject: 'Many files', text: 'See the files.', attachments: files });
    const [ticket] = await ticketsOf(from, 1);
    const opened = (await app.request('GET', `/tickets/${ticket!.key}`, { token: admin })).json.ticket as { attachments: Attachment[]; unlistedAttachments?: { count: number; bytes: number } };
    expect(opened.attachments).toHaveLength(100);
    expect(opened.attachments.filter((attachment) => attachment.location)).toHaveLength(20);
    expect(Math.max(...opened.attachments.map((attachment) => attachment.name.length))).toBe(255);
    expect(opened.attachments[0]!.name.startsWith('000-nnn')).toBe(true);
    expect(opened.unlistedAttachments).toEqual({ count: 200, bytes: 200 });
    expect(app.sideEffects!.smtp.deadLetters()).toEqual([]);
  });
});

describe('who a mail is from', () => {
  it('opens the ticket for From, not Reply-To, so a Reply-To naming a VIP gets nobody a VIP ticket', async () => {
    const mallory = `mallory.${unique()}@elsewhere.example`;
    const subject = `Urgent: reset my password ${unique()}`;
    await send({ from: mallory, replyTo: 'ceo@example.org', cc: mallory, subject, text: 'Please reset it and mail me the new one.' });
    const [ticket] = await ticketsOf(mallory, 1);
    expect(ticket!.requester).toEqual({ email: mallory });
    expect(ticket!.tags).not.toContain('vip');
    expect(ticket!.watchers).toEqual([]);
    const ceo = (await app.request('GET', `/tickets?requester=${encodeURIComponent('ceo@example.org')}&status=all&limit=100`, { token: admin })).json.items as Ticket[];
    expect(ceo.map((item) => item.subject)).not.toContain(subject);
    expect((await historyOf(ticket!.key)).find((event) => event.action === 'created')!.detail).toBe(`by email; Reply-To ceo@example.org ignored: not in the sender's domain nor listed for the sender`);
  });

  it("keeps a Reply-To in the sender's own domain as where replies go", async () => {
    const from = `quinn.${unique()}@example.org`;
    const team = `facilities-team.${unique()}@example.org`;
    await send({ from, replyTo: team, subject: 'Door lock', text: 'The door of room 3 does not lock.' });
    const [ticket] = await ticketsOf(from, 1);
    expect(ticket!.requester).toMatchObject({ email: from, replyTo: team });
  });

  it('shows the people a requester copied as such, and lets their replies add nobody', async () => {
    const from = `rosa.${unique()}@example.org`;
    const colleague = `sam.${unique()}@example.org`;
    const outsider = `tom.${unique()}@elsewhere.example`;
    const first = await send({ from, cc: colleague, subject: 'Projector', text: 'The projector is dim.' });
    const [ticket] = await ticketsOf(from, 1);
    expect((await historyOf(ticket!.key)).find((event) => event.action === 'created')!.detail).toBe(`by email; copied by the requester: ${colleague}`);
    await send({ from: colleague, cc: outsider, subject: 'Re: Projector', inReplyTo: first, text: 'Mine too.' });
    const [reply] = await commentsOf(ticket!.key, 1);
    expect(reply).toMatchObject({ public: true, author: { email: colleague } });
    expect((await ticketOf(ticket!.key)).ticket.watchers).toEqual([colleague]);
    expect((await historyOf(ticket!.key)).find((event) => event.action === 'commented')!.detail).toBe('by email, from someone the requester copied');
  });

  it('keeps a staff From without DMARC pass as an unverified internal note that is no response and changes no status', async () => {
    const from = `uma.${unique()}@example.org`;
    const first = await send({ from, subject: 'Laptop battery', text: 'The battery lasts ten minutes.' });
    const [ticket] = await ticketsOf(from, 1);
    // example.com publishes no DMARC policy and the forger cannot sign for it: SES says dmarc=none, dkim=none.
    await sendJudged({ dmarc: 'none', dkim: 'none', spf: 'none' }, { from: 'Alice Agent <alice.agent@example.com>', subject: 'Re: Laptop battery', inReplyTo: first, text: 'Send your password to fix it.' });
    const [note] = await commentsOf(ticket!.key, 1);
    expect(note).toMatchObject({ public: false, kind: 'unverified', author: { email: 'alice.agent@example.com', role: 'system' } });
    expect(note!.body.trimEnd()).toBe('Unverified mail claiming to be from alice.agent@example.com (DMARC none, DKIM none for the From domain): Send your password to fix it.');
    const after = (await ticketOf(ticket!.key)).ticket;
    expect(after.status).toBe('new');
    expect(after.firstResponseAt).toBeUndefined();
    expect(after.lastPublicReply).toBeUndefined();
    expect((await historyOf(ticket!.key)).find((event) => event.action === 'commented')!.detail).toMatch(/^unverified mail by email: claims to be from staff/);
    // The requester sees only the public thread.
    const own = await app.request('GET', `/tickets/${ticket!.key}`, { token: await app.token({ email: from }) });
    expect(own.json.comments).toEqual([]);
  });

  it('counts staff mail as staff with DMARC pass, or with a DKIM pass for a From domain without DMARC policy', async () => {
    const from = `vic.${unique()}@example.org`;
    const first = await send({ from, subject: 'Dock', text: 'The dock is dead.' });
    const [ticket] = await ticketsOf(from, 1);
    await sendJudged({ dmarc: 'none', dkim: 'pass' }, { from: 'alice.agent@example.com', subject: 'Re: Dock', inReplyTo: first, text: 'A new dock is on its way.' });
    const [reply] = await commentsOf(ticket!.key, 1);
    expect(reply).toMatchObject({ public: true, author: { email: 'alice.agent@example.com', role: 'agent' } });
    expect((await ticketOf(ticket!.key)).ticket).toMatchObject({ status: 'open', firstResponseAt: expect.any(String) });
  });

  it("opens a DMARC-failing mail's ticket flagged, without the VIP routing of the identity it claims", async () => {
    const subject = `Wire the money today ${unique()}`;
    await sendJudged({ dmarc: 'fail', dkim: 'fail', spf: 'fail' }, { from: 'Cora Chief <ceo@example.org>', cc: `accomplice.${unique()}@elsewhere.example`, subject, text: 'Approve it now.' });
    const ticket = await eventually(async () => {
      const items = (await app.request('GET', `/tickets?requester=${encodeURIComponent('ceo@example.org')}&status=all&limit=100`, { token: admin })).json.items as Ticket[];
      return items.find((item) => item.subject === subject);
    }, 'the DMARC-failing mail opened no ticket');
    expect(ticket.unauthenticatedSender).toBe('DMARC fail for example.org');
    expect(ticket.requester).toEqual({ email: 'ceo@example.org', name: 'Cora Chief' });
    expect(ticket.tags).not.toContain('vip');
    expect(ticket.level).toBe('l1');
    expect(ticket.watchers).toEqual([]);
    expect((await historyOf(ticket.key)).find((event) => event.action === 'created')!.detail).toMatch(/^by email; sender not authenticated \(DMARC fail\)/);
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
