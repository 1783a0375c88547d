import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/principal.ts';
import { SCOPES } from '../../../shared/auth/scopes.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { HistoryEvent } from '../../../shared/domain/history.ts';
import type { Notification } from '../../../shared/domain/notifications.ts';
import type { Comment, Ticket } from '../../../shared/domain/ticket.ts';
import { ValidationError, ForbiddenError, NotFoundError } from '../../../shared/errors.ts';
import { addCommentBodySchema, replyPreviewBodySchema } from '../../../shared/http/api-schemas.ts';
import { validate } from '../../../shared/http/request-parsing.ts';
import type { TicketStore } from '../../../shared/ports/ticket-store.ts';
import type { UndeliverableMark } from '../../../shared/ports/undeliverable-addresses.ts';
import { addComment } from '../../../shared/use-cases/add-comment.ts';
import { followNewComment } from '../../../shared/use-cases/follow-ticket-change.ts';
import { previewReply } from '../../../shared/use-cases/preview-reply.ts';
import { notificationSchema, sendNotification } from '../../../shared/use-cases/send-notification.ts';
import type { TimerScheduler } from '../../../shared/ports/timer-scheduler.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const config = parseConfig({
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [
    { email: 'alice@example.com', name: 'Alice Agent', role: 'agent', signature: 'Alice Agent\nIT Support' },
    { email: 'hana@example.com', name: 'Hana', role: 'agent' },
  ],
  desks: [
    { id: 'it', name: 'IT Support', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }] },
    { id: 'hr', name: 'HR', restricted: true, levels: [{ id: 'l1', name: 'HR', members: ['hana@example.com'] }] },
  ],
  email: { address: 'support@desk.example.com', name: 'Example Desk' },
});

const NOW = new Date('2026-11-02T10:00:00.000Z');
const alice: Principal = { kind: 'user', sub: 'alice', email: 'alice@example.com', name: 'Alice Agent', roles: ['agent'] };
const requester: Principal = { kind: 'user', sub: 'jane', email: 'jane@example.org', roles: [] };
const writeClient: Principal = { kind: 'client', clientId: 'chatbot', scopes: [SCOPES.ticketsWrite] };
const readClient: Principal = { kind: 'client', clientId: 'reporting', scopes: [SCOPES.ticketsRead] };

const opened = aTicket({ key: 'SD-7', subject: 'Printer jams', requester: { email: 'jane@example.org', name: 'Jane' }, watchers: ['tom@example.org'], sourceMessageId: '<first@mail.example.org>' });
const bounced: UndeliverableMark = { address: 'tom@example.org', bouncedAt: '2026-10-30T08:00:00.000Z', status: '5.1.1', ticketKey: 'SD-3' };

/** A store of one ticket that records what is written to it. */
function storeOf(ticket: Ticket) {
  const written: { ticket: Ticket; event: HistoryEvent; comment?: Comment }[] = [];
  let current = ticket;
  const store = {
    getTicket: async (key: string) => (key === current.key ? current : undefined),
    findClaim: async () => undefined,
    claim: async () => true,
    saveTicket: async (_previous: Ticket, next: Ticket, event: HistoryEvent, comment?: Comment) => {
      written.push({ ticket: next, event, ...(comment ? { comment } : {}) });
      current = next;
      return next;
    },
  };
  return { store: store as unknown as TicketStore, written };
}

const previewDeps = (ticket: Ticket, marks: UndeliverableMark[] = []) => ({
  config,
  now: () => NOW,
  store: storeOf(ticket).store,
  undeliverable: { find: async (addresses: readonly string[]) => marks.filter((mark) => addresses.includes(mark.address)) },
});

/** The reply as the API takes it: added, followed by the stream, queued and sent; the mail as a client reads it. */
async function replyAndSend(ticket: Ticket, body: unknown, marks: UndeliverableMark[]) {
  const { store, written } = storeOf(ticket);
  let id = 0;
  const deps = { config, store, now: () => NOW, newId: () => `01ID${String(++id).padStart(4, '0')}` };
  const { comment } = await addComment(deps, alice, ticket.key, validate(addCommentBodySchema, body, 'comment'));
  const queued: Notification[] = [];
  await followNewComment({ config, store, scheduler: {} as TimerScheduler, notifications: { enqueue: async (mails) => void queued.push(...mails) } }, comment);
  expect(queued).toHaveLength(1);
  const raw: Buffer[] = [];
  const outcome = await sendNotification(
    {
      config,
      store,
      sender: { send: async (mail) => (raw.push(mail), { messageId: '<sent@desk.example.com>' }) },
      limiter: { allow: async () => true },
      undeliverable: previewDeps(ticket, marks).undeliverable,
      replyAddressSecret: new Uint8Array(32),
      now: () => NOW,
    },
    notificationSchema.parse(JSON.parse(JSON.stringify(queued[0]))),
  );
  expect(outcome).toBe('sent');
  return { mail: await simpleParser(raw[0]!), written };
}

const addresses = (field: unknown) => ((field as { value: { address: string }[] } | undefined)?.value ?? []).map((entry) => entry.address);

describe('the reply preview', () => {
  it('shows exactly the mail the reply then sends: sender, recipients, subject, text and HTML with the signature', async () => {
    const body = { body: 'Please try tray 2.\nThen restart it.', cc: ['Lee@Example.net'] };
    const preview = await previewReply(previewDeps(opened, [bounced]), alice, 'SD-7', validate(replyPreviewBodySchema, body, 'reply preview'));
    const { mail } = await replyAndSend(opened, body, [bounced]);

    expect(preview.from).toBe('Example Desk <support@desk.example.com>');
    expect(mail.from?.value).toEqual([{ name: 'Example Desk', address: 'support@desk.example.com' }]);
    expect(preview.to).toEqual(['jane@example.org']);
    expect(preview.cc).toEqual(['lee@example.net']);
    expect(addresses(mail.to)).toEqual(preview.to);
    expect(addresses(mail.cc)).toEqual(preview.cc);
    expect(preview.subject).toBe('[SD-7] Printer jams');
    expect(mail.subject).toBe(preview.subject);
    expect(preview.text).toContain('Please try tray 2.\nThen restart it.\n\nAlice Agent\nIT Support\n\n--\n');
    expect(mail.text).toBe(preview.text);
    expect(mail.html).toBe(preview.html);
    expect(preview.suppressed).toEqual([{ address: 'tom@example.org', reason: 'undeliverable', detail: expect.stringContaining('2026-10-30') }]);
  });

  it('names the recipients before anything is typed', async () => {
    const preview = await previewReply(previewDeps(opened), alice, 'SD-7', validate(replyPreviewBodySchema, {}, 'reply preview'));
    expect(preview).toMatchObject({ to: ['jane@example.org'], cc: ['tom@example.org'], suppressed: [] });
    expect(preview.text).toContain('Hello Jane,\n\n\n\nAlice Agent\nIT Support');
  });

  it('writes nothing', async () => {
    const { store, written } = storeOf(opened);
    await previewReply({ ...previewDeps(opened), store }, alice, 'SD-7', { body: 'Hi', cc: ['lee@example.net'] });
    expect(written).toEqual([]);
  });

  it('says why an unmailable requester is left out, and sends the reply to the watchers instead', async () => {
    const unmailable = aTicket({ ...opened, requester: { email: 'root@localhost', unmailable: 'the domain localhost is a local host name, not one on the internet' } });
    const preview = await previewReply(previewDeps(unmailable), alice, 'SD-7', { body: 'Hi' });
    expect(preview).toMatchObject({ to: ['tom@example.org'], cc: [] });
    expect(preview.suppressed).toEqual([{ address: 'root@localhost', reason: 'unmailable', detail: expect.stringContaining('local host name') }]);
  });

  it("shows that a machine client's reply is mailed to nobody", async () => {
    const preview = await previewReply(previewDeps(opened), writeClient, 'SD-7', { body: 'Status: fixed', cc: ['lee@example.net'] });
    expect(preview).toMatchObject({ to: [], cc: [] });
    expect(preview.suppressed.map((left) => [left.address, left.reason])).toEqual([
      ['jane@example.org', 'not_mailed'],
      ['tom@example.org', 'not_mailed'],
      ['lee@example.net', 'not_mailed'],
    ]);
  });

  it('answers others as the ticket answers them: 404 where it is invisible, 403 where it is not theirs to reply to', async () => {
    const deps = previewDeps(opened);
    await expect(previewReply(deps, requester, 'SD-7', {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewReply(deps, readClient, 'SD-7', {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewReply(deps, { kind: 'user', sub: 'm', email: 'mallory@example.org', roles: [] }, 'SD-7', {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewReply(deps, alice, 'SD-8', {})).rejects.toBeInstanceOf(NotFoundError);
    const hrCase = previewDeps(aTicket({ ...opened, desk: 'hr' }));
    await expect(previewReply(hrCase, alice, 'SD-7', {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses the people to copy as the reply would, naming each', async () => {
    const refused = previewReply(previewDeps(opened), alice, 'SD-7', { cc: ['lee@example.net', 'help@desk.example.com'] });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ details: [{ path: 'cc[1]', message: expect.stringContaining('would open a ticket') }] });
  });
});

describe('copying people on a reply', () => {
  it("makes them watchers in the reply's own write and records them in the history", async () => {
    const { mail, written } = await replyAndSend(opened, { body: 'Looping in Lee.', cc: ['lee@example.net', 'jane@example.org', 'tom@example.org'] }, []);
    const [{ ticket, event, comment }] = written as [(typeof written)[number]];
    expect(ticket.watchers).toEqual(['tom@example.org', 'lee@example.net']);
    expect(event.detail).toBe('copied on the reply: lee@example.net');
    expect(event.changes).toContainEqual({ field: 'watchers', from: ['tom@example.org'], to: ['tom@example.org', 'lee@example.net'] });
    expect(comment!.body).toBe('Looping in Lee.');
    expect(addresses(mail.cc)).toEqual(['tom@example.org', 'lee@example.net']);
    expect(mail.text).toContain('Looping in Lee.\n\nAlice Agent\nIT Support');
  });

  it('refuses cc on an internal note, naming cc, and adds nothing', () => {
    expect(() => validate(addCommentBodySchema, { body: 'Note', public: false, cc: ['lee@example.net'] }, 'comment')).toThrow(
      expect.objectContaining({ details: [{ path: 'cc', message: expect.stringContaining('only a public reply') }] }),
    );
  });

  it('refuses cc from the requester, naming cc, and writes nothing', async () => {
    const { store, written } = storeOf(opened);
    const deps = { config, store, now: () => NOW, newId: () => '01ID' };
    await expect(addComment(deps, requester, 'SD-7', validate(addCommentBodySchema, { body: 'Hi', cc: ['lee@example.net'] }, 'comment'))).rejects.toMatchObject({
      details: [{ path: 'cc', message: expect.any(String) }],
    });
    expect(written).toEqual([]);
  });

  it('refuses more than 10 at once and addresses the desk cannot mail', async () => {
    const many = Array.from({ length: 11 }, (_, index) => `p${index}@example.net`);
    expect(() => validate(addCommentBodySchema, { body: 'Hi', cc: many }, 'comment')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'cc' })] }));
    const { store } = storeOf(opened);
    await expect(
      addComment({ config, store, now: () => NOW, newId: () => '01ID' }, alice, 'SD-7', validate(addCommentBodySchema, { body: 'Hi', cc: ['jane@example.invalid'] }, 'comment')),
    ).rejects.toMatchObject({ details: [{ path: 'cc[0]', message: expect.stringContaining('cannot mail') }] });
  });

  it('refuses to go over 50 watchers, naming cc', async () => {
    const crowded = aTicket({ ...opened, watchers: Array.from({ length: 49 }, (_, index) => `w${index}@example.net`) });
    const { store } = storeOf(crowded);
    await expect(
      addComment({ config, store, now: () => NOW, newId: () => '01ID' }, alice, 'SD-7', validate(addCommentBodySchema, { body: 'Hi', cc: ['a@example.net', 'b@example.net'] }, 'comment')),
    ).rejects.toMatchObject({ details: [{ path: 'cc', message: expect.stringContaining('at most 50') }] });
  });
});
