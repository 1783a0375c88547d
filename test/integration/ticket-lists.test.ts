import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let agent: string;
let admin: string;
let hrAgent: string;
const keys: Record<string, string> = {};

type Listed = { key: string; priority: string; status: string; createdAt: string };

async function create(token: string, name: string, body: Record<string, unknown>) {
  const response = await app.request('POST', '/tickets', { token, body: { subject: name, requester: { email: 'rita@example.org' }, ...body } });
  expect(response.status, response.text).toBe(201);
  keys[name] = response.json.ticket.key;
  return response.json.ticket.key as string;
}

async function listAll(token: string, query: string, limit: number): Promise<Listed[]> {
  const items: Listed[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const response = await app.request('GET', `/tickets?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(response.status, response.text).toBe(200);
    items.push(...response.json.items);
    cursor = response.json.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}

beforeAll(async () => {
  app = await startTestApp();
  agent = await app.token({ role: 'agent' });
  admin = await app.token({ role: 'admin' });
  hrAgent = await app.token({ email: 'hana.hr@example.com' });
  // Created one after the other so that ages differ.
  for (const [name, priority] of [
    ['low-old', 'P4'],
    ['high-old', 'P1'],
    ['mid', 'P3'],
    ['high-new', 'P1'],
    ['urgent-pending', 'P2'],
  ] as const) {
    await create(agent, name, { priority });
  }
  await app.request('PATCH', `/tickets/${keys['urgent-pending']}`, { token: agent, body: { status: 'pending' } });
  await app.request('PATCH', `/tickets/${keys['mid']}`, { token: agent, body: { status: 'resolved' } });
  await app.request('PATCH', `/tickets/${keys['high-new']}`, { token: agent, body: { assignee: 'alice.agent@example.com' } });
  await app.request('PATCH', `/tickets/${keys['low-old']}`, { token: agent, body: { assignee: 'alice.agent@example.com', status: 'open' } });
  await create(hrAgent, 'hr-case', { desk: 'hr', requester: { email: 'ivan@example.org' } });
  await create(agent, 'other-requester', { requester: { email: 'ivan@example.org' }, priority: 'P2' });
});

afterAll(() => app?.close());

describe('desk queues', () => {
  it('lists the active queue by priority, then age', async () => {
    const items = await listAll(agent, 'desk=it', 25);
    expect(items.map((item) => item.key)).toEqual([keys['high-old'], keys['high-new'], keys['urgent-pending'], keys['other-requester'], keys['low-old']]);
  });

  it('returns every ticket exactly once across pages, in the same order', async () => {
    const whole = await listAll(agent, 'desk=it&status=all', 100);
    for (const limit of [1, 2, 3]) expect((await listAll(agent, 'desk=it&status=all', limit)).map((item) => item.key)).toEqual(whole.map((item) => item.key));
    expect(whole).toHaveLength(6);
  });

  it('lists one status on its own', async () => {
    expect((await listAll(agent, 'desk=it&status=resolved', 10)).map((item) => item.key)).toEqual([keys['mid']]);
    expect((await listAll(agent, 'desk=it&status=pending,resolved', 10)).map((item) => item.key)).toEqual([keys['urgent-pending'], keys['mid']]);
  });

  it('refuses a desk the agent does not work, naming the desk', async () => {
    const response = await app.request('GET', '/tickets?desk=hr', { token: agent });
    expect(response.status).toBe(403);
    expect(response.json.error.details[0].path).toBe('desk');
    expect((await listAll(hrAgent, 'desk=hr', 10)).map((item) => item.key)).toEqual([keys['hr-case']]);
  });

  it('keeps a restricted desk from admins who do not work it', async () => {
    const response = await app.request('GET', '/tickets?desk=hr', { token: admin });
    expect(response.status).toBe(403);
  });

  it('refuses a cursor from another query', async () => {
    const first = await app.request('GET', '/tickets?desk=it&limit=1', { token: agent });
    const response = await app.request('GET', `/tickets?desk=facilities&limit=1&cursor=${first.json.nextCursor}`, { token: admin });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('cursor');
  });
});

describe("an agent's work", () => {
  it("defaults to the caller's own active tickets, by priority then age", async () => {
    const response = await app.request('GET', '/tickets', { token: agent });
    expect(response.json.items.map((item: Listed) => item.key)).toEqual([keys['high-new'], keys['low-old']]);
  });

  it("lists another agent's work by email, within the caller's desks", async () => {
    expect((await listAll(admin, 'assignee=alice.agent@example.com', 10)).map((item) => item.key)).toEqual([keys['high-new'], keys['low-old']]);
    expect(await listAll(hrAgent, 'assignee=alice.agent@example.com', 10)).toEqual([]);
  });
});

describe("a requester's tickets", () => {
  it('shows a requester its own tickets only, newest first, whatever it asks for', async () => {
    const rita = await app.token({ email: 'rita@example.org' });
    const own = await listAll(rita, 'status=all', 10);
    expect(own.map((item) => item.key)).toEqual([keys['urgent-pending'], keys['high-new'], keys['mid'], keys['high-old'], keys['low-old']]);
    const spying = await app.request('GET', '/tickets?requester=ivan@example.org', { token: rita });
    expect(spying.status).toBe(403);
    expect(spying.json.error.details[0].path).toBe('requester');
  });

  it("shows staff a requester's tickets on their own desks only", async () => {
    expect((await listAll(agent, 'requester=ivan@example.org', 10)).map((item) => item.key)).toEqual([keys['other-requester']]);
    // HR is restricted: not even an admin sees Ivan's HR case.
    expect((await listAll(admin, 'requester=ivan@example.org', 10)).map((item) => item.key)).toEqual([keys['other-requester']]);
    expect((await listAll(hrAgent, 'requester=ivan@example.org', 10)).map((item) => item.key)).toEqual([keys['hr-case']]);
  });

  it('asks a machine client to say which tickets it wants', async () => {
    const client = await app.token({ client: 'reporting', scopes: ['servicedesk/tickets.read'] });
    const response = await app.request('GET', '/tickets', { token: client });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('desk');
    expect((await listAll(client, 'desk=it&status=resolved', 10)).map((item) => item.key)).toEqual([keys['mid']]);
    expect((await app.request('GET', '/tickets?desk=hr', { token: client })).status).toBe(403);
  });
});
