import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApprovalPage } from './approval-page-clients.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { commentsOfTicket, eventually, ticketsOfRequester } from './polling.ts';

let app: TestApp;
let smtp: Transporter;
let admin: string;
let agent: string;
const DESK = 'support@desk.example.com';

const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;

/** The sent mails (exact copies from the outbox) addressed to someone, oldest first, now. */
async function outboxMailsTo(address: string) {
  const dir = app.sideEffects!.outboxDir;
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort();
  const mails = await Promise.all(files.map(async (file) => simpleParser(readFileSync(join(dir, file)))));
  return mails.filter((mail) => JSON.stringify(mail.to).includes(address));
}

/** The sent mails addressed to someone once there are at least `count`; bounded polling. */
function mailsTo(address: string, count: number) {
  return eventually(async () => {
    const mine = await outboxMailsTo(address);
    return mine.length >= count ? mine : undefined;
  }, `${address} never got ${count} mails`);
}

/** An agent's public reply, and the notification it queues handled (sent or left out). */
async function replyAndSettle(key: string, body: string): Promise<void> {
  const notifications = app.sideEffects!.notifications;
  const before = notifications.stats().sent;
  const reply = await app.request('POST', `/tickets/${key}/comments`, { token: agent, body: { body } });
  expect(reply.status, reply.text).toBe(201);
  await eventually(() => (notifications.stats().sent > before && notifications.idle() ? true : undefined), `the notification of the reply on ${key} was never handled`);
  expect(notifications.stats().sent).toBeGreaterThan(before);
  expect(notifications.idle()).toBe(true);
}

/** A delivery status notification as SES forwards it, reporting a permanent failure for `recipient`. */
function deliveryStatusNotification(options: { recipient: string; subject: string; returnedMessageId: string; returnedSubject?: string; from?: string }): string {
  const boundary = 'report-boundary';
  return [
    `From: ${options.from ?? 'MAILER-DAEMON@email-bounces.amazonses.com'}`,
    `To: ${DESK}`,
    `Subject: ${options.subject}`,
    `Message-ID: <${unique()}@email-bounces.amazonses.com>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `An error occurred while trying to deliver the mail to the following recipients:\r\n${options.recipient}`,
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; a8-1.smtp-out.amazonses.com',
    '',
    `Final-Recipient: rfc822; ${options.recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    '',
    `From: ${DESK}`,
    `To: ${options.recipient}`,
    `Subject: ${options.returnedSubject ?? options.subject}`,
    `Message-ID: ${options.returnedMessageId}`,
    '',
    'We received your request.',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

async function ticketOf(email: string) {
  const [ticket] = await ticketsOfRequester<{ key: string }>(app, admin, email, 1);
  return ticket!;
}

beforeAll(async () => {
  app = await startTestApp({ sideEffects: true });
  admin = await app.token({ role: 'admin' });
  agent = await app.token({ role: 'agent' });
  smtp = createTransport({ host: '127.0.0.1', port: app.sideEffects!.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp?.close();
  await app?.close();
});

describe('mail out', () => {
  it('acknowledges a mailed request so that the mail client threads it, and threads the reply to it', async () => {
    const from = `kim.${unique()}@example.org`;
    const original = `<${unique()}@mail.example.org>`;
    await smtp.sendMail({ from, to: DESK, subject: 'Scanner broken', text: 'The scanner shows E42.', messageId: original });
    const ticket = await ticketOf(from);
    const [ack] = await mailsTo(from, 1);
    expect(ack!.subject).toBe(`[${ticket.key}] Scanner broken`);
    expect(ack!.inReplyTo).toBe(original);
    expect(ack!.references).toEqual(original);
    expect(ack!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(ack!.messageId).toMatch(/@email\.amazonses\.com>$/);
    // The ticket is IT's, and IT has an address of its own (desks[].email).
    expect(JSON.stringify(ack!.replyTo)).toContain(`it+${ticket.key.toLowerCase()}.`);

    // The requester answers the acknowledgement from a client that keeps the quoted history.
    await smtp.sendMail({
      from,
      to: DESK,
      subject: 'Re: Scanner broken',
      inReplyTo: ack!.messageId,
      references: [original, ack!.messageId!],
      text: `It also beeps.\n\nOn Mon, Nov 2, 2026 at 9:00 AM Service Desk <${DESK}> wrote:\n> We received your request\n`,
    });
    const comments = await commentsOfTicket<{ body: string }>(app, admin, ticket.key, 1);
    expect(comments.map((comment) => comment.body)).toEqual(['It also beeps.']);
  });

  it("mails an agent's public reply to the requester, never an internal note", async () => {
    const requester = `lea.${unique()}@example.org`;
    const created = await app.request('POST', '/tickets', { token: agent, body: { subject: 'Badge reader', requester: { email: requester } } });
    const key = created.json.ticket.key;
    await app.request('POST', `/tickets/${key}/comments`, { token: agent, body: { body: 'Secret: the reader is unplugged.', public: false } });
    await app.request('POST', `/tickets/${key}/comments`, { token: agent, body: { body: 'We replaced the reader.' } });
    const mails = await mailsTo(requester, 2);
    // The acknowledgement and the reply leave from two stream records, in either order.
    const bodies = mails.map((mail) => mail.text?.split('\n')[2]);
    expect(bodies).toHaveLength(2);
    expect(bodies).toEqual(expect.arrayContaining([expect.stringContaining('We received your request'), 'We replaced the reader.']));
    expect(mails.some((mail) => mail.text?.includes('Secret'))).toBe(false);
  });

  it('mails the requester at a Reply-To of their own domain, while the ticket stays theirs', async () => {
    const from = `nia.${unique()}@example.org`;
    const team = `nia-team.${unique()}@example.org`;
    await smtp.sendMail({ from, replyTo: team, to: DESK, subject: 'Shared mailbox', text: 'Please answer the team.' });
    const [ticket] = await ticketsOfRequester<{ key: string; requester: { email: string; replyTo?: string } }>(app, admin, from, 1);
    expect(ticket!.requester).toMatchObject({ email: from, replyTo: team });
    const [ack] = await mailsTo(team, 1);
    expect(ack!.subject).toBe(`[${ticket!.key}] Shared mailbox`);
    expect(await outboxMailsTo(from)).toEqual([]);
  });

  it('tells an agent about an assignment', async () => {
    const created = await app.request('POST', '/tickets', { token: agent, body: { subject: 'Docking station', requester: { email: `max.${unique()}@example.org` } } });
    await app.request('PATCH', `/tickets/${created.json.ticket.key}`, { token: agent, body: { assignee: 'dan.agent@example.com' } });
    const mails = await mailsTo('dan.agent@example.com', 1);
    expect(mails.some((mail) => mail.subject === `[${created.json.ticket.key}] Docking station` && mail.text?.includes('is assigned to you'))).toBe(true);
  });

  it('acknowledges at most five mails of one sender an hour, and still opens every ticket', async () => {
    const from = `flood.${unique()}@example.org`;
    for (let index = 0; index < 7; index++) await smtp.sendMail({ from, to: DESK, subject: `Flood ${index}`, text: `Mail ${index}.` });
    expect(await ticketsOfRequester(app, admin, from, 7)).toHaveLength(7);
    await mailsTo(from, 5);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await mailsTo(from, 5)).toHaveLength(5);
  });

  it('does not answer an out-of-office mail', async () => {
    const from = `ooo.${unique()}@example.org`;
    await smtp.sendMail({ from, to: DESK, subject: 'Out of office', text: 'Away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const dir = app.sideEffects!.outboxDir;
    const sent = readdirSync(dir)
      .filter((file) => file.endsWith('.eml'))
      .map((file) => readFileSync(join(dir, file), 'utf8'));
    expect(sent.some((raw) => raw.includes(from))).toBe(false);
  });

  it('records a bounce of its own acknowledgement on the ticket, as an internal note, and answers nothing', async () => {
    const from = `gone.${unique()}@example.org`;
    await smtp.sendMail({ from, to: DESK, subject: 'Badge reader', text: 'My badge stopped working.' });
    const ticket = await ticketOf(from);
    const [ack] = await mailsTo(from, 1);
    // What SES forwards when the recipient's server refuses the mail: the returned message keeps the Message-ID SES gave it.
    const dsn = deliveryStatusNotification({ recipient: from, subject: 'Delivery Status Notification (Failure)', returnedMessageId: ack!.messageId!, returnedSubject: ack!.subject! });
    await smtp.sendMail({ envelope: { from: '', to: [DESK] }, raw: dsn });

    const comments = await commentsOfTicket<{ public: boolean; body: string; author: { role: string } }>(app, admin, ticket.key, 1);
    expect(comments).toEqual([expect.objectContaining({ public: false, author: expect.objectContaining({ role: 'system' }) })]);
    expect(comments[0]!.body).toMatch(new RegExp(`^Mail bounced:\\nDelivery to ${from.replace(/\./g, '\\.')} failed \\(5\\.1\\.1: smtp; 550 5\\.1\\.1 user unknown\\)`));
    const history = (await app.request('GET', `/tickets/${ticket.key}/history`, { token: admin })).json.items as { detail?: string }[];
    expect(history.some((event) => event.detail?.startsWith(`bounce by email: Delivery to ${from} failed`))).toBe(true);
    // The bounce is not acknowledged: the requester still has only the first mail, and nothing went to the mailer daemon.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailsTo(from, 1)).toHaveLength(1);
    const dir = app.sideEffects!.outboxDir;
    expect(
      readdirSync(dir)
        .filter((file) => file.endsWith('.eml'))
        .some((file) => readFileSync(join(dir, file), 'utf8').includes('MAILER-DAEMON@email-bounces')),
    ).toBe(false);

    // The address bounced for good: the agent's reply is not mailed to it...
    await replyAndSettle(ticket.key, 'We replaced the badge reader.');
    expect(await outboxMailsTo(from)).toHaveLength(1);
    // ...until its owner writes in again, which shows the mailbox works.
    await smtp.sendMail({ from, to: DESK, subject: `Re: [${ticket.key}] Badge reader`, text: 'My new mailbox works now.' });
    await commentsOfTicket(app, admin, ticket.key, 3);
    await replyAndSettle(ticket.key, 'Good to hear.');
    expect((await mailsTo(from, 2)).at(-1)!.text).toContain('Good to hear.');
  });

  it('marks nobody undeliverable for a bounce that returns no message of the ticket', async () => {
    const from = `kept.${unique()}@example.org`;
    await smtp.sendMail({ from, to: DESK, subject: 'Docking station', text: 'No display on the dock.' });
    const ticket = await ticketOf(from);
    await mailsTo(from, 1);
    // A report made up by anyone: it names the ticket in its subject but returns a message the desk never sent.
    await smtp.sendMail({
      envelope: { from: '', to: [DESK] },
      raw: deliveryStatusNotification({ recipient: from, subject: `Undeliverable: [${ticket.key}] Docking station`, returnedMessageId: `<${unique()}@elsewhere.example>` }),
    });
    await commentsOfTicket(app, admin, ticket.key, 1);
    await replyAndSettle(ticket.key, 'Try the other port.');
    expect((await mailsTo(from, 2)).at(-1)!.text).toContain('Try the other port.');
  });

  it('asks the approver by mail with a link of their own, whose page shows the request and whose form decides it once', async () => {
    const jane = await app.token({ email: 'jane@example.org' });
    const created = await app.request('POST', '/tickets', {
      token: jane,
      body: { catalogItem: 'it-access-request', subject: `ERP access ${unique()}`, customFields: { system: 'ERP', justification: 'I run the month-end close.' } },
    });
    expect(created.status).toBe(201);
    const key = created.json.ticket.key as string;
    const asked = (await mailsTo('mark.lead@example.org', 1)).find((mail) => mail.subject?.startsWith(`[${key}] Approval needed:`));
    expect(asked).toBeDefined();
    const link = new RegExp(`${app.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/approvals/decide\\?token=[\\w.-]+`).exec(asked!.text ?? '')?.[0];
    expect(link, asked!.text).toBeDefined();
    expect(asked!.html).toContain(`href="${link}"`);

    // Opening the link shows the request and decides nothing.
    const page = await fetch(link!);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(html).toContain(created.json.ticket.subject);
    expect(html).toContain('name="decision" value="approve"');
    expect((await app.request('GET', `/tickets/${key}`, { token: admin })).json.ticket.status).toBe('pending_approval');

    // The form, confirmed by the page's script on a person's click, posts the token and the
    // decision; a rejection without its reason is sent back.
    const form = openApprovalPage(html, page.headers.get('content-security-policy')!);
    const post = (fields: URLSearchParams) => fetch(new URL('/approvals/decide', app.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
    const unexplained = await post(form.click('reject', { comment: '  ' }));
    expect(unexplained.status).toBe(400);
    expect(await unexplained.text()).toMatch(/Nothing was decided.*comment: give the reason for a rejection/s);
    // A person reads the request before deciding; a decision sooner than that is refused.
    const decided = await eventually(async () => {
      const answer = await post(form.click('approve'));
      if (answer.status !== 403) return answer;
      await answer.text();
      return undefined;
    }, 'the approval was never accepted');
    expect(decided.status).toBe(200);
    expect(await decided.text()).toContain('approved; it goes to the desk');
    expect((await app.request('GET', `/tickets/${key}`, { token: admin })).json.ticket.status).toBe('new');

    // The link is spent.
    const again = await fetch(link!);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already decided');
  });

  it.each(['MAILER-DAEMON', 'Mail Delivery System <Postmaster>', '<>'])('reads a bounce whose From is %s and marks its recipient undeliverable', async (sender) => {
    const from = `lost.${unique()}@example.org`;
    await smtp.sendMail({ from, to: DESK, subject: 'Monitor', text: 'The monitor is dark.' });
    const ticket = await ticketOf(from);
    const [ack] = await mailsTo(from, 1);
    const dsn = deliveryStatusNotification({ from: sender, recipient: from, subject: 'Undelivered Mail Returned to Sender', returnedMessageId: ack!.messageId!, returnedSubject: ack!.subject! });
    await smtp.sendMail({ envelope: { from: '', to: [DESK] }, raw: dsn });
    const [note] = await commentsOfTicket<{ public: boolean; body: string; author: { email: string; role: string } }>(app, admin, ticket.key, 1);
    expect(note).toMatchObject({ public: false, author: { role: 'system' } });
    expect(note!.body).toMatch(/^Mail bounced:\nDelivery to .* failed/);
    await replyAndSettle(ticket.key, 'We replaced the cable.');
    expect(await outboxMailsTo(from)).toHaveLength(1);
  });

  it.each([
    ['root@localhost', /local host name/],
    ['x@b.c', /no valid top-level domain/],
  ])('opens the ticket of %s, records that it cannot be mailed and sends it nothing', async (address, reason) => {
    const subject = `Unmailable ${unique()}`;
    const deadBefore = app.sideEffects!.notifications.stats().deadLettered;
    await smtp.sendMail({ envelope: { from: address, to: [DESK] }, raw: `From: ${address}\r\nTo: ${DESK}\r\nSubject: ${subject}\r\nMessage-ID: <${unique()}@mail.example.org>\r\n\r\nHelp.\r\n` });
    const ticket = await eventually(async () => {
      // Not an address the API takes as a filter: found on the desk's queue.
      const items = (await app.request('GET', '/tickets?desk=it&status=all&limit=100', { token: admin })).json.items as { key: string; subject: string; requester: { unmailable?: string } }[];
      return items.find((item) => item.subject === subject);
    }, `no ticket for ${address}`);
    expect(ticket.requester.unmailable).toMatch(reason);
    const history = (await app.request('GET', `/tickets/${ticket.key}/history`, { token: admin })).json.items as { action: string; detail?: string }[];
    expect(history.find((event) => event.action === 'created')!.detail).toMatch(/the requester cannot be mailed .*: no mail is sent to them/);
    const reply = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'We looked into it.' } });
    expect(reply.status, reply.text).toBe(201);
    // The stream is one ordered shard: once a later reply's mail went out, this one's changes were handled.
    const control = await app.request('POST', '/tickets', { token: agent, body: { subject: 'Control', requester: { email: `ctl.${unique()}@example.org` } } });
    await replyAndSettle(control.json.ticket.key, 'Handled after the unmailable one.');
    expect(app.sideEffects!.notifications.stats().deadLettered).toBe(deadBefore);
    expect(await outboxMailsTo(address)).toEqual([]);
  });
});
