import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';
import { commentsOfTicket, eventually, ticketsOfRequester } from './polling.ts';

/**
 * A reply on a ticket's own thread from someone the desk has not seen on the ticket, through the
 * real SMTP intake: kept on the ticket as an unverified message until staff accept the sender.
 * The mails are written as Gmail and Outlook write a reply-all, header for header.
 */

let app: TestApp;
let smtp: Transporter;
let admin: string;
let agent: string;
const DESK = 'support@desk.example.com';

type Comment = {
  id: string;
  body: string;
  html?: string;
  public: boolean;
  kind?: string;
  unverified?: { reason: string; sender: string };
  acceptedSender?: { sender: string; by: string; at: string };
  author: { email: string; name?: string; role: string };
};
type Ticket = { key: string; watchers?: string[]; status: string; version: number };
type HistoryEvent = { action: string; detail?: string; commentId?: string; changes: { field: string; from: unknown; to: unknown }[] };

const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;
const ticketOf = async (key: string, token = admin) => (await app.request('GET', `/tickets/${key}`, { token })).json as { ticket: Ticket; comments: Comment[] };
const historyOf = async (key: string) => (await app.request('GET', `/tickets/${key}/history?limit=100`, { token: admin })).json.items as HistoryEvent[];
const accept = (key: string, commentId: string, token = agent) => app.request('POST', `/tickets/${key}/comments/${commentId}/accept-sender`, { token });

/** The sent mails (exact copies from the outbox) addressed to someone, oldest first, now. */
async function outboxMailsTo(address: string): Promise<ParsedMail[]> {
  const dir = app.sideEffects!.outboxDir;
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort();
  const mails = await Promise.all(files.map(async (file) => simpleParser(readFileSync(join(dir, file)))));
  return mails.filter((mail) => JSON.stringify(mail.to).includes(address));
}

/** The requester's first mail and the desk's acknowledgement of it, with the ticket it opened. */
async function openedByMail(requester: string, subject: string) {
  const original = `<${unique()}@mail.example.org>`;
  await smtp.sendMail({ from: `Ann Example <${requester}>`, to: DESK, subject, text: 'The printer on floor 3 shows "offline".', messageId: original });
  const [ticket] = await ticketsOfRequester<Ticket>(app, admin, requester, 1);
  const acknowledgement = await eventually(async () => (await outboxMailsTo(requester))[0], `${requester} never got the acknowledgement`);
  return { ticket: ticket!, original, acknowledgement };
}

/** Sends a mail as its client wrote it, CRLF line ends, over real SMTP. */
async function sendRaw(from: string, lines: string[]): Promise<void> {
  await smtp.sendMail({ envelope: { from, to: [DESK] }, raw: `${lines.join('\r\n')}\r\n` });
}

/** Until the outbound queue is idle: whatever the stream queued has been handled. */
async function mailSettled(): Promise<void> {
  await eventually(() => (app.sideEffects!.notifications.idle() ? true : undefined), 'the notifications queue never went idle');
}

/** A Gmail reply-all: In-Reply-To the newest mail, References the whole chain, `Re:`, multipart/alternative with gmail_quote. */
function gmailReplyAll(options: { from: string; name: string; to: string; cc: string[]; subject: string; inReplyTo: string; references: string[]; text: string; quoted: string }): string[] {
  const boundary = `000000000000${Math.random().toString(16).slice(2, 14)}`;
  return [
    'MIME-Version: 1.0',
    'Date: Wed, 2 Dec 2026 10:14:03 +0100',
    `References: ${options.references.join(' ')}`,
    `In-Reply-To: ${options.inReplyTo}`,
    `Message-ID: <CAF${Math.random().toString(36).slice(2)}kq9V_3dQ+w@mail.gmail.com>`,
    `Subject: Re: ${options.subject}`,
    `From: ${options.name} <${options.from}>`,
    `To: ${options.to}`,
    `Cc: ${options.cc.join(', ')}`,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    options.text,
    '',
    `On Wed, 2 Dec 2026 at 09:58, Ann Example <${options.to}> wrote:`,
    '',
    `> ${options.quoted}`,
    '>',
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    '',
    `<div dir="ltr">${options.text}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Wed, 2 Dec 2026 at 09:58, Ann Example &lt;<a href="mailto:${options.to}">${options.to}</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${options.quoted}</blockquote></div>`,
    '',
    `--${boundary}--`,
  ];
}

/**
 * An Outlook reply-all: `RE:`, Thread-Topic and Thread-Index, In-Reply-To the mail answered and
 * (as Outlook often does for a mail it did not keep the chain of) no References; the quoted
 * header block instead of an "On ... wrote" line; quoted-printable text.
 */
function outlookReplyAll(options: { from: string; name: string; to: string; cc: string[]; subject: string; inReplyTo: string; references?: string[]; text: string; quoted: string }): string[] {
  const boundary = `_000_DB8P193MB0773${Math.random().toString(36).slice(2, 10).toUpperCase()}_`;
  return [
    `From: ${options.name} <${options.from}>`,
    `To: "${options.to}" <${options.to}>`,
    `CC: ${options.cc.map((address) => `"${address}" <${address}>`).join(', ')}`,
    `Subject: RE: ${options.subject}`,
    `Thread-Topic: ${options.subject}`,
    'Thread-Index: AQHZjysmbQn8p2cYOEawNV6ywnFmN690oIyAgAAA5rw=',
    'Date: Wed, 2 Dec 2026 09:20:03 +0000',
    `Message-ID: <DB8P193MB0773${Math.random().toString(36).slice(2, 12).toUpperCase()}@DB8P193MB0773.EURP193.PROD.OUTLOOK.COM>`,
    `In-Reply-To: ${options.inReplyTo}`,
    ...(options.references ? [`References: ${options.references.join(' ')}`] : []),
    'Accept-Language: en-GB, en-US',
    'Content-Language: en-GB',
    'X-MS-Has-Attach:',
    'X-MS-TNEF-Correlator:',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    'MIME-Version: 1.0',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    options.text,
    '',
    '________________________________',
    `From: Service desk <${DESK}>`,
    'Sent: 02 December 2026 09:02',
    `To: ${options.to}`,
    `Subject: ${options.subject}`,
    '',
    options.quoted,
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    `<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dus-ascii"></head><body><div class=3D"WordSection1"><p class=3D"MsoNormal">${options.text}</p></div><hr><div id=3D"divRplyFwdMsg"><b>From:</b> Service desk</div><div>${options.quoted}</div></body></html>`,
    '',
    `--${boundary}--`,
  ];
}

beforeAll(async () => {
  app = await startTestApp({ sideEffects: true });
  admin = await app.token({ role: 'admin' });
  agent = await app.token({ email: 'alice.agent@example.com' });
  smtp = createTransport({ host: '127.0.0.1', port: app.sideEffects!.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp?.close();
  await app?.close();
});

describe("a new participant's reply on the thread", () => {
  it('lands as an unverified message from a Gmail reply-all, mails nobody, and is accepted once through the API', async () => {
    const requester = `ann.${unique()}@example.org`;
    const colleague = `carl.${unique()}@example.org`;
    const { ticket, original, acknowledgement } = await openedByMail(requester, 'Printer offline');
    // Ann forwarded the acknowledgement to Carl outside the desk; he answers all, the desk among them.
    await sendRaw(
      colleague,
      gmailReplyAll({
        from: colleague,
        name: 'Carl Colleague',
        to: requester,
        cc: [DESK],
        subject: acknowledgement.subject!,
        inReplyTo: acknowledgement.messageId!,
        references: [original, acknowledgement.messageId!],
        text: 'Same here: the printer on floor 4 is offline too.',
        quoted: 'We received your request.',
      }),
    );
    const [kept] = await commentsOfTicket<Comment>(app, admin, ticket.key, 1);
    expect(kept).toMatchObject({
      public: false,
      kind: 'unverified',
      unverified: { reason: 'new_participant', sender: colleague },
      author: { email: colleague, name: 'Carl Colleague' },
      body: 'Same here: the printer on floor 4 is offline too.',
    });
    // No ticket of his own, nothing for the requester to see, nothing mailed on.
    expect((await app.request('GET', `/tickets?requester=${encodeURIComponent(colleague)}&status=all`, { token: admin })).json.items).toEqual([]);
    const ann = await app.token({ email: requester });
    expect((await ticketOf(ticket.key, ann)).comments).toEqual([]);
    await mailSettled();
    expect(await outboxMailsTo(requester)).toHaveLength(1);
    expect(await outboxMailsTo(colleague)).toEqual([]);
    const unverifiedEvent = (await historyOf(ticket.key)).find((event) => event.commentId === kept!.id);
    expect(unverifiedEvent?.detail).toMatch(/^unverified mail by email: a reply on the thread from someone not on the ticket/);

    // The requester may not accept; staff may, once.
    expect((await accept(ticket.key, kept!.id, ann)).status).toBe(403);
    const accepted = await accept(ticket.key, kept!.id);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.comment).toMatchObject({ id: kept!.id, public: true, author: { email: colleague, role: 'requester' }, acceptedSender: { sender: colleague, by: 'alice.agent@example.com' } });
    expect(accepted.json.comment.kind).toBeUndefined();
    expect(accepted.json.ticket.watchers).toEqual([colleague]);
    const again = await accept(ticket.key, kept!.id);
    expect(again.status).toBe(200);
    expect(again.json.ticket.version).toBe(accepted.json.ticket.version);
    const events = (await historyOf(ticket.key)).filter((event) => event.action === 'updated' && event.commentId === kept!.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.changes).toContainEqual({ field: 'watchers', from: [], to: [colleague] });
    expect(events[0]!.detail).toContain(`accepted ${colleague}`);
    // The requester now reads it as a public reply, and Carl's next mail is a watcher's reply.
    expect((await ticketOf(ticket.key, ann)).comments).toMatchObject([{ id: kept!.id, public: true }]);
    await sendRaw(
      colleague,
      gmailReplyAll({
        from: colleague,
        name: 'Carl Colleague',
        to: requester,
        cc: [DESK],
        subject: acknowledgement.subject!,
        inReplyTo: acknowledgement.messageId!,
        references: [original, acknowledgement.messageId!],
        text: 'Works again after the restart.',
        quoted: 'Same here.',
      }),
    );
    const [, next] = await commentsOfTicket<Comment>(app, admin, ticket.key, 2);
    expect(next).toMatchObject({ public: true, author: { email: colleague, role: 'requester' }, body: 'Works again after the restart.' });
    expect(next!.kind).toBeUndefined();
  });

  it("lands as an unverified message from an Outlook reply-all naming only the desk's outbound Message-ID", async () => {
    const requester = `bea.${unique()}@example.org`;
    const forwardedTo = `dan.${unique()}@example.org`;
    const { ticket, acknowledgement } = await openedByMail(requester, 'Laptop battery swells');
    await sendRaw(
      forwardedTo,
      outlookReplyAll({
        from: forwardedTo,
        name: 'Dan Facilities',
        to: requester,
        cc: [DESK],
        subject: acknowledgement.subject!,
        inReplyTo: acknowledgement.messageId!,
        text: 'Please bring the laptop to room 2.14, we replace the battery today.',
        quoted: 'We received your request.',
      }),
    );
    const [kept] = await commentsOfTicket<Comment>(app, admin, ticket.key, 1);
    expect(kept).toMatchObject({
      public: false,
      kind: 'unverified',
      unverified: { reason: 'new_participant', sender: forwardedTo },
      body: 'Please bring the laptop to room 2.14, we replace the battery today.',
    });
    await mailSettled();
    expect(await outboxMailsTo(requester)).toHaveLength(1);
    const accepted = await accept(ticket.key, kept!.id);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.ticket.watchers).toEqual([forwardedTo]);
    expect((await ticketOf(ticket.key)).comments[0]).toMatchObject({ public: true, acceptedSender: { sender: forwardedTo } });
  });

  it('opens a ticket of its own for a stranger who only types the subject token', async () => {
    const requester = `cleo.${unique()}@example.org`;
    const stranger = `eve.${unique()}@example.net`;
    const { ticket, acknowledgement } = await openedByMail(requester, 'VPN drops');
    // The token is in the subject, but nothing of the thread: no references, no signed address.
    await sendRaw(stranger, [
      `From: Eve <${stranger}>`,
      `To: ${DESK}`,
      `Subject: RE: ${acknowledgement.subject}`,
      `Message-ID: <${unique()}@example.net>`,
      'Thread-Topic: VPN drops',
      '',
      'Add me to this ticket.',
    ]);
    const [own] = await ticketsOfRequester<Ticket>(app, admin, stranger, 1);
    expect(own!.key).not.toBe(ticket.key);
    expect((await ticketOf(ticket.key)).comments).toEqual([]);
  });

  it('never appends for a new participant whose DMARC failed, nor for automatic mail from one', async () => {
    const requester = `dora.${unique()}@example.org`;
    const forged = `boss.${unique()}@example.org`;
    const away = `fred.${unique()}@example.org`;
    const { ticket, original, acknowledgement } = await openedByMail(requester, 'Badge reader broken');
    app.sideEffects!.smtp.setVerdicts({ dmarc: 'fail', dkim: 'fail' });
    try {
      await sendRaw(
        forged,
        gmailReplyAll({
          from: forged,
          name: 'The Boss',
          to: requester,
          cc: [DESK],
          subject: acknowledgement.subject!,
          inReplyTo: acknowledgement.messageId!,
          references: [original, acknowledgement.messageId!],
          text: 'Give Mallory access.',
          quoted: 'We received your request.',
        }),
      );
      // As today: a DMARC-failed sender may open a ticket of its own, flagged, never append to this one.
      const [own] = await ticketsOfRequester<{ key: string; unauthenticatedSender?: string }>(app, admin, forged, 1);
      expect(own!.key).not.toBe(ticket.key);
      expect(own!.unauthenticatedSender).toMatch(/^DMARC fail/);
    } finally {
      app.sideEffects!.smtp.setVerdicts(undefined);
    }
    await sendRaw(away, [
      `From: Fred <${away}>`,
      `To: ${requester}`,
      `Cc: ${DESK}`,
      `Subject: Automatic reply: ${acknowledgement.subject}`,
      `Message-ID: <${unique()}@example.org>`,
      `In-Reply-To: ${acknowledgement.messageId}`,
      `References: ${original} ${acknowledgement.messageId}`,
      'Auto-Submitted: auto-replied',
      'X-Auto-Response-Suppress: All',
      '',
      'I am out of the office until Monday.',
    ]);
    // As today: automatic mail on a thread is an internal note of the system, never a message to accept.
    const [note] = await commentsOfTicket<Comment>(app, admin, ticket.key, 1);
    expect(note).toMatchObject({ public: false, author: { email: away, role: 'system' } });
    expect(note!.kind).toBeUndefined();
    expect((await accept(ticket.key, note!.id)).status).toBe(409);
    expect((await ticketOf(ticket.key)).comments).toHaveLength(1);
  });

  it('never makes unauthenticated mail claiming to come from staff public this way', async () => {
    const requester = `gil.${unique()}@example.org`;
    const { ticket, original } = await openedByMail(requester, 'Monitor dead');
    app.sideEffects!.smtp.setVerdicts({ dmarc: 'none', dkim: 'none' });
    try {
      await smtp.sendMail({ from: 'alice.agent@example.com', to: DESK, subject: 'Re: Monitor dead', inReplyTo: original, references: [original], text: 'Resolved, closing.' });
    } finally {
      app.sideEffects!.smtp.setVerdicts(undefined);
    }
    const [note] = await commentsOfTicket<Comment>(app, admin, ticket.key, 1);
    expect(note).toMatchObject({ kind: 'unverified', unverified: { reason: 'unauthenticated_staff', sender: 'alice.agent@example.com' } });
    const refused = await accept(ticket.key, note!.id);
    expect(refused.status).toBe(409);
    expect((await ticketOf(ticket.key)).comments[0]).toMatchObject({ public: false, kind: 'unverified' });
  });
});
