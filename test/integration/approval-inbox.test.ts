import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

/**
 * GET /me/approvals: Rita's laptop waits on her manager Mark, then on the software approvers (Ada
 * the admin, Sam). Each inbox lists what its owner may decide with POST /tickets/{key}/approval.
 */

let app: TestApp;
let rita: string;
let mark: string;
let sam: string;
let ada: string;
let agent: string;

type InboxItem = { key: string; subject: string; step: { index: number; kind?: string; label: string }; status: string };

async function laptop(subject: string): Promise<string> {
  const response = await app.request('POST', '/tickets', { token: rita, body: { catalogItem: 'it-hardware-laptop', subject, customFields: { model: '14-inch' } } });
  expect(response.status, response.text).toBe(201);
  return response.json.ticket.key;
}

async function inbox(token: string, query = ''): Promise<InboxItem[]> {
  const response = await app.request('GET', `/me/approvals${query}`, { token });
  expect(response.status, response.text).toBe(200);
  return response.json.items;
}

const keysIn = async (token: string) => (await inbox(token, '?limit=100')).map((item) => item.key);

async function decide(token: string, key: string, body: Record<string, unknown>): Promise<void> {
  const response = await app.request('POST', `/tickets/${key}/approval`, { token, body });
  expect(response.status, response.text).toBe(200);
}

beforeAll(async () => {
  app = await startTestApp();
  rita = await app.token({ email: 'rita@example.org' });
  mark = await app.token({ email: 'mark.lead@example.org' });
  sam = await app.token({ email: 'sam.security@example.org' });
  ada = await app.token({ email: 'admin@example.com' });
  agent = await app.token({ role: 'agent' });
});

afterAll(() => app?.close());

describe('the approvals waiting for me', () => {
  it('follows the waiting step: the manager first, then the group, then nobody', async () => {
    const key = await laptop('laptop for the audit');
    const [item] = (await inbox(mark)).filter((entry) => entry.key === key);
    expect(item).toMatchObject({
      key,
      subject: 'laptop for the audit',
      requester: { email: 'rita@example.org' },
      catalogItem: { id: 'it-hardware-laptop', name: 'New laptop' },
      step: { index: 0, kind: 'requester_manager', label: "Approval by the requester's manager" },
      status: 'pending_approval',
    });
    expect(Date.parse((item as unknown as { requestedAt: string }).requestedAt)).not.toBeNaN();
    expect(await keysIn(sam)).not.toContain(key);
    expect(await keysIn(rita)).not.toContain(key);

    await decide(mark, key, { decision: 'approve' });
    expect(await keysIn(mark)).not.toContain(key);
    for (const token of [sam, ada]) {
      expect((await inbox(token)).find((entry) => entry.key === key)).toMatchObject({ step: { index: 1, kind: 'group', label: 'Approval by Software approvers' } });
    }

    await decide(ada, key, { decision: 'approve' });
    for (const token of [mark, sam, ada]) expect(await keysIn(token)).not.toContain(key);
  });

  it('drops a request once it is rejected or closed', async () => {
    const rejected = await laptop('rejected laptop');
    const closed = await laptop('laptop no longer needed');
    expect(await keysIn(mark)).toEqual(expect.arrayContaining([rejected, closed]));
    await decide(mark, rejected, { decision: 'reject', comment: 'no budget this year' });
    const close = await app.request('PATCH', `/tickets/${closed}`, { token: agent, body: { status: 'closed' } });
    expect(close.status, close.text).toBe(200);
    expect(await keysIn(mark)).not.toContain(rejected);
    expect(await keysIn(mark)).not.toContain(closed);
  });

  it('pages the inbox oldest wait first, every request once', async () => {
    const keys = [await laptop('paged one'), await laptop('paged two'), await laptop('paged three')];
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const response = await app.request('GET', `/me/approvals?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: mark });
      expect(response.status, response.text).toBe(200);
      expect(response.json.items.length).toBeLessThanOrEqual(1);
      seen.push(...response.json.items.map((item: InboxItem) => item.key));
      cursor = response.json.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(seen.filter((key) => keys.includes(key))).toEqual(keys);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a cursor of another inbox and a bad limit, naming each', async () => {
    await laptop('cursor check one');
    await laptop('cursor check two');
    const first = await app.request('GET', '/me/approvals?limit=1', { token: mark });
    expect(first.json.nextCursor).toBeDefined();
    const foreign = await app.request('GET', `/me/approvals?cursor=${first.json.nextCursor}`, { token: sam });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['cursor']);
    const garbage = await app.request('GET', '/me/approvals?cursor=not-a-cursor', { token: mark });
    expect(garbage.status).toBe(400);
    expect(garbage.json.error.details[0].path).toBe('cursor');
    const limit = await app.request('GET', '/me/approvals?limit=0', { token: mark });
    expect(limit.status).toBe(400);
    expect(limit.json.error.details[0].path).toBe('limit');
    const unknown = await app.request('GET', '/me/approvals?status=all', { token: mark });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details[0].path).toBe('status');
  });

  it('is empty for someone who decides nothing, and refused to machine clients', async () => {
    expect(await inbox(await app.token({ email: 'nobody@example.org' }))).toEqual([]);
    const client = await app.request('GET', '/me/approvals', { token: await app.token({ client: 'integration', scopes: ['servicedesk/tickets.read'] }) });
    expect(client.status).toBe(403);
  });
});
