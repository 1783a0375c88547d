import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbTicketStore } from '../../shared/adapters/dynamodb/dynamodb-ticket-store.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import type { HistoryEvent } from '../../shared/domain/history.ts';
import { SlaTrackingTicketStore } from '../../shared/use-cases/sla-tracking-ticket-store.ts';
import { aTicket } from '../support/ticket-fixture.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { fireSlaThreshold } from './sla-firing.ts';

type Clock = { state: string; deadline?: string; metAt?: string };
type Listed = { key: string; priority: string; status: string; channel: string; assignee?: string; desk: string; createdAt: string; sla?: { clocks: Clock[] } };

const ALICE = 'alice.agent@example.com';
const MARIA = 'maria.manager@example.com';

let app: TestApp;
let alice: string;
let maria: string;
const keys: Record<string, string> = {};

async function create(name: string, body: Record<string, unknown>, token = alice): Promise<string> {
  const response = await app.request('POST', '/tickets', { token, body: { subject: name, requester: { email: 'rita@example.org' }, ...body } });
  expect(response.status, response.text).toBe(201);
  keys[name] = response.json.ticket.key;
  return response.json.ticket.key;
}

async function patch(name: string, body: Record<string, unknown>, token = alice): Promise<void> {
  const response = await app.request('PATCH', `/tickets/${keys[name]}`, { token, body });
  expect(response.status, response.text).toBe(200);
}

/** Every ticket of a list, page after page of `limit`. */
async function listAll(path: string, token: string, limit: number): Promise<Listed[]> {
  const items: Listed[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const response = await app.request('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(response.status, response.text).toBe(200);
    items.push(...response.json.items);
    cursor = response.json.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}

const keysOf = (items: Listed[]) => items.map((item) => item.key);
const named = (...names: string[]) => names.map((name) => keys[name]);

/** The order the due index promises, worked out from the tickets themselves: nearest running deadline, then priority, age, key. */
function dueOrder(tickets: Listed[]): string[] {
  const nearest = (ticket: Listed) =>
    (ticket.sla?.clocks ?? [])
      .filter((clock) => !clock.metAt && clock.deadline && ['running', 'at_risk', 'breached'].includes(clock.state))
      .map((clock) => clock.deadline!)
      .sort()[0] ?? '~';
  const sortKey = (ticket: Listed) => `${nearest(ticket)}#${ticket.priority}#${ticket.createdAt}#${ticket.key}`;
  return [...tickets].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)).map((ticket) => ticket.key);
}

async function read(key: string): Promise<Listed> {
  return (await app.request('GET', `/tickets/${key}`, { token: maria })).json.ticket;
}

beforeAll(async () => {
  app = await startTestApp();
  alice = await app.token({ email: ALICE });
  maria = await app.token({ email: MARIA });
  // Created one after the other, so that ages differ; IT's policies give them different deadlines:
  // the SLA demo 2 minutes round the clock, P1 30 minutes round the clock, the rest 4 office hours.
  await create('p3-old', { priority: 'P3' });
  await create('p1', { priority: 'P1' });
  await create('password', { catalogItem: 'it-access-password' });
  await create('demo', { catalogItem: 'it-sla-demo' });
  await create('p2-mine', { priority: 'P2' });
  await create('p4-waiting', { priority: 'P4' });
  await create('approval', { catalogItem: 'it-access-request', customFields: { system: 'ERP', justification: 'I run the month-end close' } });
  await create('p2-resolved', { priority: 'P2' });
  await patch('p2-mine', { assignee: ALICE });
  await patch('p1', { assignee: MARIA });
  await patch('p4-waiting', { status: 'pending' }); // the clocks pause: no running deadline
  await patch('p2-resolved', { status: 'resolved' });
  // At risk (a warning, no action that moves the ticket) and breached (P1: the breach only notifies).
  await fireSlaThreshold(app, keys['p3-old']!, 'first_response', 75);
  await fireSlaThreshold(app, keys['p1']!, 'first_response', 100);

  // Tickets that came by mail and through the intake queue, written as those paths write them.
  const store = new SlaTrackingTicketStore(new DynamoDbTicketStore(createDocumentClient(app.endpoint), app.tableName), serviceDeskConfig());
  for (const [name, number, channel] of [
    ['by-mail', 9001, 'email'],
    ['by-intake', 9002, 'intake'],
  ] as const) {
    const now = new Date().toISOString();
    const ticket = aTicket({ key: `SD-${number}`, channel, priority: 'P3', createdAt: now, updatedAt: now });
    const event: HistoryEvent = { id: `01TEST${number}`, ticketKey: ticket.key, at: now, actor: { kind: 'system', id: 'test' }, action: 'created', changes: [] };
    await store.createTicket(ticket, event);
    keys[name] = ticket.key;
  }

  // Maria's own work spans two desks: a Facilities ticket (8 office hours) between her IT P1 and a
  // paused IT P2, so the due order interleaves the desks and differs from the priority order.
  await create('facilities', { desk: 'facilities', priority: 'P3' }, maria);
  await patch('facilities', { assignee: MARIA }, maria);
  await create('maria-paused', { priority: 'P2' }, maria);
  await patch('maria-paused', { assignee: MARIA, status: 'pending' }, maria);
});

afterAll(() => app?.close());

describe('queue filters', () => {
  it('filters a desk queue by one priority (a range of the index) and by several', async () => {
    expect(keysOf(await listAll('/desks/it/queue?priority=P2', alice, 1))).toEqual(named('p2-mine', 'maria-paused'));
    expect(keysOf(await listAll('/tickets?desk=it&priority=P1,P4', alice, 1))).toEqual(named('p1', 'p4-waiting'));
    expect(keysOf(await listAll('/tickets?desk=it&priority=P2&status=all', alice, 1))).toEqual(named('p2-mine', 'p2-resolved', 'maria-paused'));
  });

  it('filters by channel and by catalog item', async () => {
    expect(keysOf(await listAll('/desks/it/queue?channel=email', alice, 10))).toEqual(named('by-mail'));
    expect(keysOf(await listAll('/tickets?desk=it&channel=intake', alice, 10))).toEqual(named('by-intake'));
    expect(keysOf(await listAll('/desks/it/queue?catalogItem=it-access-request', alice, 10))).toEqual(named('approval'));
    expect(keysOf(await listAll('/tickets?desk=it&catalogItem=it-access-password&channel=api', alice, 10))).toEqual(named('password'));
  });

  it('filters a desk queue by assignee: me, nobody, or someone', async () => {
    expect(keysOf(await listAll('/desks/it/queue?assignee=me', alice, 10))).toEqual(named('p2-mine'));
    expect(keysOf(await listAll(`/desks/it/queue?assignee=${MARIA}`, alice, 10))).toEqual(named('p1', 'maria-paused'));
    const unassigned = await listAll('/desks/it/queue?assignee=none', alice, 2);
    expect(unassigned.every((ticket) => ticket.assignee === undefined)).toBe(true);
    expect(keysOf(unassigned).sort()).toEqual(named('p3-old', 'password', 'demo', 'p4-waiting', 'approval', 'by-mail', 'by-intake').sort());
  });

  it('filters a desk queue by SLA state', async () => {
    expect(keysOf(await listAll('/desks/it/queue?sla=at_risk', alice, 10))).toEqual(named('p3-old'));
    expect(keysOf(await listAll('/desks/it/queue?sla=breached', alice, 10))).toEqual(named('p1'));
    expect(keysOf(await listAll('/desks/it/queue?sla=breached&assignee=me', maria, 10))).toEqual(named('p1'));
    expect(await listAll('/desks/it/queue?sla=breached&assignee=none', alice, 10)).toEqual([]);
  });

  it.each([
    ['/desks/it/queue?priority=P5', 'priority'],
    ['/tickets?desk=it&priority=P1,urgent', 'priority'],
    ['/desks/it/queue?channel=fax', 'channel'],
    ['/tickets?desk=it&catalogItem=it-time-machine', 'catalogItem'],
    ['/desks/it/queue?catalogItem=Not_An_Id', 'catalogItem'],
    ['/desks/it/queue?sla=late', 'sla'],
    ['/desks/it/queue?assignee=somebody', 'assignee'],
    ['/tickets?desk=it&order=soonest', 'order'],
    ['/desks/it/queue?order=due&status=resolved', 'order'],
    ['/tickets?desk=it&order=due&status=all', 'order'],
    ['/tickets?requester=rita@example.org&order=due', 'order'],
  ])('refuses %s with a 400 naming %s', async (path, field) => {
    const response = await app.request('GET', path, { token: alice });
    expect(response.status, response.text).toBe(400);
    expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toEqual([field]);
  });
});

describe('the due order', () => {
  it('lists a desk by the nearest SLA deadline: the breached first, the ones with no running clock last', async () => {
    const listed = await listAll('/desks/it/queue?order=due', alice, 100);
    const tickets = await Promise.all(listed.map((ticket) => read(ticket.key)));
    expect(keysOf(listed)).toEqual(dueOrder(tickets));
    expect(keysOf(listed).sort()).toEqual(keysOf(await listAll('/desks/it/queue', alice, 100)).sort());
    // The 2-minute demo before the 30-minute P1, both before the 4-hour ones opened earlier.
    const position = (name: string) => keysOf(listed).indexOf(keys[name]!);
    expect(position('demo')).toBeLessThan(position('p1'));
    expect(position('p1')).toBeLessThan(position('p3-old'));
    // Paused and waiting for approval: no running clock, so last, by priority (P2, P3, P4).
    expect(keysOf(listed).slice(-3)).toEqual(named('maria-paused', 'approval', 'p4-waiting'));
  });

  it('returns every ticket once across pages, in the same order', async () => {
    const whole = keysOf(await listAll('/desks/it/queue?order=due', alice, 100));
    for (const limit of [1, 2, 3]) expect(keysOf(await listAll('/desks/it/queue?order=due', alice, limit))).toEqual(whole);
    expect(keysOf(await listAll('/tickets?desk=it&order=due&status=new,pending', alice, 2))).toEqual(whole.filter((key) => key !== keys['approval']));
  });

  it('filters the due order like the priority order', async () => {
    expect(keysOf(await listAll('/desks/it/queue?order=due&priority=P3&assignee=none', alice, 1))).toEqual(
      dueOrder(await Promise.all(named('p3-old', 'password', 'demo', 'approval', 'by-mail', 'by-intake').map((key) => read(key!)))),
    );
    expect(keysOf(await listAll('/desks/it/queue?order=due&assignee=me', alice, 1))).toEqual(named('p2-mine'));
  });

  it("merges an agent's work across the desks they work by due date, page after page", async () => {
    const expected = dueOrder(await Promise.all(named('p1', 'facilities', 'maria-paused').map((key) => read(key!))));
    expect(expected).toEqual(named('p1', 'facilities', 'maria-paused'));
    expect(keysOf(await listAll('/tickets?assignee=me', maria, 10))).toEqual(named('p1', 'maria-paused', 'facilities'));
    for (const limit of [1, 2, 10]) expect(keysOf(await listAll('/tickets?assignee=me&order=due', maria, limit))).toEqual(expected);
    expect(keysOf(await listAll('/tickets?order=due', maria, 1))).toEqual(expected);
    expect(keysOf(await listAll(`/tickets?assignee=${MARIA}&order=due&desk=facilities`, maria, 1))).toEqual(named('facilities'));
  });

  it('keeps the due partitions of desks the caller does not work out of their own work', async () => {
    const hana = await app.token({ email: 'hana.hr@example.com' });
    expect(await listAll(`/tickets?assignee=${MARIA}&order=due`, hana, 10)).toEqual([]);
  });

  it('refuses a cursor of the priority order in the due order', async () => {
    const first = await app.request('GET', '/desks/it/queue?limit=1', { token: alice });
    const response = await app.request('GET', `/desks/it/queue?order=due&limit=1&cursor=${first.json.nextCursor}`, { token: alice });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('cursor');
  });
});
