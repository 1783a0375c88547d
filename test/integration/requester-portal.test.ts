import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

/** What the requester portal reads and does: its list, the request view, and the answer to a resolution. */

let app: TestApp;
let agent: string;
let rita: string;
let mallory: string;

async function open(subject: string, body: Record<string, unknown> = {}): Promise<string> {
  const response = await app.request('POST', '/tickets', { token: rita, body: { subject, ...body } });
  expect(response.status, response.text).toBe(201);
  return response.json.ticket.key;
}

async function resolved(subject: string): Promise<string> {
  const key = await open(subject);
  const response = await app.request('PATCH', `/tickets/${key}`, { token: agent, body: { status: 'resolved' } });
  expect(response.status, response.text).toBe(200);
  return key;
}

const resolution = (key: string, body: unknown, token = rita) => app.request('POST', `/tickets/${key}/resolution`, { token, body });

const historyOf = async (key: string) => (await app.request('GET', `/tickets/${key}/history`, { token: agent })).json.items as { detail?: string; changes: { field: string; to: unknown }[] }[];

beforeAll(async () => {
  app = await startTestApp();
  agent = await app.token({ role: 'agent' });
  rita = await app.token({ email: 'rita@example.org' });
  mallory = await app.token({ email: 'mallory@example.org' });
});

afterAll(() => app?.close());

describe('my requests', () => {
  it("lists the requester's tickets with status, updatedAt and whose move each waits for", async () => {
    const waitingDesk = await open('desk has it');
    const waitingMe = await open('desk asked me');
    await app.request('PATCH', `/tickets/${waitingMe}`, { token: agent, body: { status: 'pending' } });
    const waitingApproval = await open('new laptop', { catalogItem: 'it-hardware-laptop', customFields: { model: '14-inch' } });
    const done = await resolved('done already');

    const response = await app.request('GET', '/tickets?status=all&limit=100', { token: rita });
    expect(response.status, response.text).toBe(200);
    const byKey = new Map((response.json.items as { key: string; status: string; updatedAt: string; waitingOn?: string }[]).map((item) => [item.key, item]));
    expect(byKey.get(waitingDesk)).toMatchObject({ status: 'new', waitingOn: 'desk' });
    expect(byKey.get(waitingMe)).toMatchObject({ status: 'pending', waitingOn: 'requester' });
    expect(byKey.get(waitingApproval)).toMatchObject({ status: 'pending_approval', waitingOn: 'approval' });
    expect(byKey.get(done)!.status).toBe('resolved');
    expect(byKey.get(done)).not.toHaveProperty('waitingOn');
    for (const item of byKey.values()) expect(Date.parse(item.updatedAt)).not.toBeNaN();
  });

  it('shows the request with its public conversation only', async () => {
    const key = await open('VPN drops');
    await app.request('POST', `/tickets/${key}/comments`, { token: agent, body: { body: 'Looks like the old client', public: false } });
    await app.request('POST', `/tickets/${key}/comments`, { token: agent, body: { body: 'Please update your VPN client.' } });
    const response = await app.request('GET', `/tickets/${key}`, { token: rita });
    expect(response.status, response.text).toBe(200);
    expect(response.json.comments.map((comment: { body: string }) => comment.body)).toEqual(['Please update your VPN client.']);
    expect(response.json.comments[0].attachments).toEqual([]);
    expect(response.json.ticket.waitingOn).toBe('desk');
  });
});

describe('confirming or reopening a resolution', () => {
  it('closes the ticket on confirmation, and a repeat answers with the ticket as it is', async () => {
    const key = await resolved('printer fixed');
    const first = await resolution(key, { decision: 'confirm' });
    expect(first.status, first.text).toBe(200);
    expect(first.json.ticket).toMatchObject({ status: 'closed', resolutionDecision: { decision: 'confirm' } });
    expect(first.json.ticket.closedAt).toBeDefined();
    expect(first.headers.etag).toBe(`"${first.json.ticket.version}"`);

    const repeat = await resolution(key, { decision: 'confirm' });
    expect(repeat.status, repeat.text).toBe(200);
    expect(repeat.json.ticket.version).toBe(first.json.ticket.version);
    expect((await historyOf(key)).filter((event) => event.detail === 'confirmed by the requester')).toHaveLength(1);
  });

  it("reopens the ticket with the comment as the requester's public reply", async () => {
    const key = await resolved('mail still bounces');
    const response = await resolution(key, { decision: 'reopen', comment: 'It bounced again this morning.' });
    expect(response.status, response.text).toBe(200);
    expect(response.json.ticket).toMatchObject({ status: 'open', waitingOn: 'desk', lastPublicReply: { by: 'requester' } });
    expect(response.json.ticket).not.toHaveProperty('resolvedAt');

    const view = await app.request('GET', `/tickets/${key}`, { token: rita });
    expect(view.json.comments).toMatchObject([{ body: 'It bounced again this morning.', public: true, author: { email: 'rita@example.org', role: 'requester' } }]);
    const reopened = (await historyOf(key)).filter((event) => event.detail === 'reopened by the requester');
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.changes).toContainEqual({ field: 'status', from: 'resolved', to: 'open' });

    const repeat = await resolution(key, { decision: 'reopen', comment: 'It bounced again this morning.' });
    expect(repeat.status, repeat.text).toBe(200);
    expect(repeat.json.ticket.version).toBe(response.json.ticket.version);
    expect((await app.request('GET', `/tickets/${key}`, { token: rita })).json.comments).toHaveLength(1);
  });

  it('needs a comment to reopen, naming the field', async () => {
    const key = await resolved('still slow');
    const response = await resolution(key, { decision: 'reopen' });
    expect(response.status).toBe(400);
    expect(response.json.error.details).toEqual([{ path: 'comment', message: 'say what is still wrong when reopening' }]);
  });

  it('refuses an unknown decision and unknown fields, naming each', async () => {
    const key = await resolved('odd body');
    const response = await resolution(key, { decision: 'maybe', note: 'x' });
    expect(response.status).toBe(400);
    expect(response.json.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['decision', 'note']);
  });

  it('answers 409 naming the state for a ticket that is not resolved', async () => {
    const key = await open('not yet looked at');
    const response = await resolution(key, { decision: 'confirm' });
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('ticket_not_resolved');
    expect(response.json.error.details).toEqual([{ path: 'status', message: 'is new; only a resolved ticket is confirmed or reopened' }]);
  });

  it('answers 409 for the other decision once one took effect', async () => {
    const key = await resolved('closed for good');
    expect((await resolution(key, { decision: 'confirm' })).status).toBe(200);
    const response = await resolution(key, { decision: 'reopen', comment: 'Actually no' });
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('ticket_not_resolved');
  });

  it("is the requester's alone: 403 for staff who see the ticket, 404 for others", async () => {
    const key = await resolved('screen replaced');
    expect((await resolution(key, { decision: 'confirm' }, agent)).status).toBe(403);
    expect((await resolution(key, { decision: 'confirm' }, mallory)).status).toBe(404);
    expect((await app.request('GET', `/tickets/${key}`, { token: rita })).json.ticket.status).toBe('resolved');
  });
});
