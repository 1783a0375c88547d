import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbAssignmentStore } from '../../shared/adapters/dynamodb/dynamodb-assignment-store.ts';
import { DynamoDbTicketStore } from '../../shared/adapters/dynamodb/dynamodb-ticket-store.ts';
import { parseConfig } from '../../shared/config/define-config.ts';
import { pickLeastLoaded } from '../../shared/domain/assignment.ts';
import type { HistoryEvent } from '../../shared/domain/history.ts';
import { WORKLOAD_STATUSES } from '../../shared/domain/ticket-status.ts';
import { ConflictError } from '../../shared/errors.ts';
import { AssignmentRaceError } from '../../shared/ports/assignment-store.ts';
import { chooseAssignee, type AssignmentDeps } from '../../shared/use-cases/choose-assignee.ts';
import { aTicket } from '../support/ticket-fixture.ts';
import { startTestApp, type TestApp } from './harness.ts';

const ALICE = 'alice.agent@example.com';
const BOB = 'bob.agent@example.com';
const HANA = 'hana.hr@example.com';
const FRANK = 'frank.facilities@example.com';
// The rotation level uses people of servicedesk.config.ts, so availability set over HTTP applies.
const ROTATION_AGENTS = [ALICE, BOB, HANA, FRANK];
const WORKLOAD_AGENTS = ['ann@example.com', 'ben@example.com', 'cat@example.com', 'dan@example.com'];

const config = parseConfig({
  ticketKeyPrefix: 'AS',
  defaultDesk: 'ops',
  users: [...ROTATION_AGENTS, ...WORKLOAD_AGENTS].map((email) => ({ email, name: email.split('@')[0]!, role: 'agent' })),
  desks: [
    {
      id: 'ops',
      name: 'Operations',
      levels: [
        { id: 'rr', name: 'Rotation', members: ROTATION_AGENTS, assignment: 'round_robin' },
        { id: 'wl', name: 'Workload', members: WORKLOAD_AGENTS, assignment: 'workload' },
      ],
    },
  ],
});
const desk = config.desks[0]!;

let app: TestApp;
let admin: string;
let deps: AssignmentDeps & { store: DynamoDbTicketStore; assignments: DynamoDbAssignmentStore };
let ids = 0;

const tally = (emails: (string | undefined)[]) => {
  const counts: Record<string, number> = {};
  for (const email of emails) counts[String(email)] = (counts[String(email)] ?? 0) + 1;
  return counts;
};

const setAvailability = (token: string, email: string, body: unknown) => app.request('PUT', `/agents/${encodeURIComponent(email)}/availability`, { token, body });

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.token({ role: 'admin' });
  const client = createDocumentClient(app.endpoint);
  deps = {
    store: new DynamoDbTicketStore(client, app.tableName),
    assignments: new DynamoDbAssignmentStore(client, app.tableName),
    config,
    now: () => new Date(),
    newId: () => `01TEST${String(++ids).padStart(20, '0')}`,
  };
});

afterAll(() => app?.close());

describe('round robin on DynamoDB', () => {
  it('gives 100 concurrent picks over 4 agents exactly 25 each', async () => {
    const choices = await Promise.all(Array.from({ length: 100 }, () => chooseAssignee(deps, desk, 'rr')));
    expect(tally(choices.map((choice) => choice.assignee))).toEqual({ [ALICE]: 25, [BOB]: 25, [HANA]: 25, [FRANK]: 25 });
    expect(choices.every((choice) => choice.method === 'round_robin' && /^round robin: \d(st|nd|rd|th) of 4 available agents$/.test(choice.reason))).toBe(true);
  });

  it('skips an agent marked unavailable over HTTP, and takes it back once available again', async () => {
    expect((await setAvailability(admin, HANA, { available: false })).status).toBe(200);
    const without = await Promise.all(Array.from({ length: 30 }, () => chooseAssignee(deps, desk, 'rr')));
    expect(tally(without.map((choice) => choice.assignee))).toEqual({ [ALICE]: 10, [BOB]: 10, [FRANK]: 10 });
    expect(without[0]!.reason).toMatch(/of 3 available agents$/);

    expect((await setAvailability(admin, HANA, { available: true })).status).toBe(200);
    const back = await Promise.all(Array.from({ length: 8 }, () => chooseAssignee(deps, desk, 'rr')));
    expect(tally(back.map((choice) => choice.assignee))).toEqual({ [ALICE]: 2, [BOB]: 2, [HANA]: 2, [FRANK]: 2 });
  });

  it('leaves the ticket unassigned when every agent of the level is away', async () => {
    await Promise.all(ROTATION_AGENTS.map((email) => deps.assignments.setAvailability(email, false, 'test', new Date().toISOString())));
    await expect(chooseAssignee(deps, desk, 'rr')).resolves.toEqual({ method: 'round_robin', reason: 'no available agent on level rr' });
    await Promise.all(ROTATION_AGENTS.map((email) => deps.assignments.setAvailability(email, true, 'test', new Date().toISOString())));
  });
});

describe('workload assignment on DynamoDB', () => {
  async function createAssigned(): Promise<string> {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const choice = await chooseAssignee(deps, desk, 'wl');
      const number = await deps.store.nextNumber('AS');
      const ticket = aTicket({ key: `AS-${number}`, desk: 'ops', level: 'wl', assignee: choice.assignee!, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
      const event: HistoryEvent = { id: deps.newId(), ticketKey: ticket.key, at: ticket.createdAt, actor: { kind: 'system', id: 'assignment' }, action: 'created', changes: [], detail: choice.reason };
      try {
        await deps.store.createTicket(ticket, event, undefined, choice.guard);
        return choice.assignee!;
      } catch (error) {
        // A race (or a transaction conflict) wrote nothing: choose again.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new Error('no assignment after 20 attempts');
  }

  it('refuses a write whose guard read a stale count, and writes nothing', async () => {
    const choice = await chooseAssignee(deps, desk, 'wl');
    expect(choice).toMatchObject({ assignee: WORKLOAD_AGENTS[0], guard: { email: WORKLOAD_AGENTS[0], openTickets: 0 }, reason: 'workload: fewest open tickets (0)' });
    const event = (key: string): HistoryEvent => ({ id: deps.newId(), ticketKey: key, at: new Date().toISOString(), actor: { kind: 'system', id: 'test' }, action: 'created', changes: [] });
    const first = aTicket({ key: 'AS-G1', desk: 'ops', level: 'wl', assignee: choice.assignee! });
    await deps.store.createTicket(first, event(first.key), undefined, choice.guard);
    const second = aTicket({ key: 'AS-G2', desk: 'ops', level: 'wl', assignee: choice.assignee! });
    await expect(deps.store.createTicket(second, event(second.key), undefined, choice.guard)).rejects.toBeInstanceOf(AssignmentRaceError);
    await expect(deps.store.getTicket('AS-G2')).resolves.toBeUndefined();
    expect((await deps.assignments.workloads([choice.assignee!]))[0]!.openTickets).toBe(1);
    // Back to zero for the next test: resolving takes the ticket out of the count.
    await deps.store.saveTicket(first, { ...first, status: 'resolved', version: 2 }, event(first.key));
    expect((await deps.assignments.workloads([choice.assignee!]))[0]).toMatchObject({ openTickets: 0 });
  });

  it('spreads concurrent guarded creates evenly over the least loaded agents', async () => {
    const assignees = await Promise.all(Array.from({ length: 8 }, () => createAssigned()));
    expect(Object.values(tally(assignees)).sort()).toEqual([2, 2, 2, 2]);
    const loads = await deps.assignments.workloads(WORKLOAD_AGENTS);
    expect(loads.map((load) => load.openTickets)).toEqual([2, 2, 2, 2]);
  });
});

describe('workload counters follow tickets changed over HTTP', () => {
  let agent: string;

  const create = async () => {
    const response = await app.request('POST', '/tickets', { token: agent, body: { subject: 'Counter check', requester: { email: 'rita@example.org' } } });
    expect(response.status, response.text).toBe(201);
    return response.json.ticket.key as string;
  };
  const patch = async (key: string, body: Record<string, unknown>) => {
    const response = await app.request('PATCH', `/tickets/${key}`, { token: agent, body });
    expect(response.status, response.text).toBe(200);
  };
  const openTickets = async (email: string) => (await deps.assignments.workloads([email]))[0]!.openTickets;
  const assignedInWorkload = async (email: string) => (await deps.store.listTickets({ assignee: email, statuses: WORKLOAD_STATUSES, limit: 100 })).items.length;

  beforeAll(async () => {
    agent = await app.token({ role: 'manager' }); // maria works every IT level
  });

  it('counts assigns, reassigns, resolutions, reopenings and unassigns, and agrees with the tickets', async () => {
    const [t1, t2, t3, t4] = [await create(), await create(), await create(), await create()];
    for (const key of [t1!, t2!, t3!]) await patch(key, { assignee: ALICE });
    await patch(t4!, { assignee: BOB });
    expect([await openTickets(ALICE), await openTickets(BOB)]).toEqual([3, 1]);

    await patch(t1!, { assignee: BOB });
    expect([await openTickets(ALICE), await openTickets(BOB)]).toEqual([2, 2]);

    await patch(t2!, { status: 'resolved' });
    expect([await openTickets(ALICE), await openTickets(BOB)]).toEqual([1, 2]);
    expect(pickLeastLoaded(await deps.assignments.workloads([BOB, ALICE]))).toMatchObject({ email: ALICE, openTickets: 1 });

    await patch(t2!, { status: 'open' });
    await patch(t3!, { assignee: null });
    await patch(t4!, { status: 'pending' });
    expect([await openTickets(ALICE), await openTickets(BOB)]).toEqual([1, 2]);

    await patch(t1!, { status: 'closed' });
    await patch(t4!, { status: 'resolved' });
    expect([await openTickets(ALICE), await openTickets(BOB)]).toEqual([1, 0]);
    expect(pickLeastLoaded(await deps.assignments.workloads([ALICE, BOB]))).toMatchObject({ email: BOB, openTickets: 0 });

    for (const email of [ALICE, BOB]) expect(await openTickets(email)).toBe(await assignedInWorkload(email));
  });
});

describe('PUT /agents/{email}/availability', () => {
  const stored = async (email: string) => (await deps.assignments.availability([email])).get(email);

  it('lets agents set their own availability, the same answer when repeated', async () => {
    const alice = await app.token({ email: ALICE });
    const first = await setAvailability(alice, ALICE, { available: false });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toEqual({ agent: ALICE, available: false });
    const again = await setAvailability(alice, ALICE, { available: false });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await stored(ALICE)).toBe(false);
    expect((await setAvailability(alice, ALICE.toUpperCase(), { available: true })).json).toEqual({ agent: ALICE, available: true });
    expect(await stored(ALICE)).toBe(true);
  });

  it("lets a manager set an agent of the desks it manages, and an admin anyone's", async () => {
    const maria = await app.token({ role: 'manager' });
    expect((await setAvailability(maria, BOB, { available: false })).status).toBe(200);
    expect(await stored(BOB)).toBe(false);
    expect((await setAvailability(admin, BOB, { available: true })).status).toBe(200);
    expect((await setAvailability(admin, HANA, { available: true })).status).toBe(200);
    expect(await stored(BOB)).toBe(true);
  });

  it('refuses other agents, managers of other desks and requesters with 403, and changes nothing', async () => {
    const bob = await app.token({ email: BOB });
    const maria = await app.token({ role: 'manager' }); // manages IT and Facilities, not HR
    const rita = await app.token({ email: 'rita@example.org' });
    for (const [token, email] of [
      [bob, ALICE],
      [maria, HANA],
      [rita, ALICE],
    ] as const) {
      const response = await setAvailability(token, email, { available: false });
      expect(response.status, response.text).toBe(403);
      expect(response.json.error.code).toBe('forbidden');
    }
    expect([await stored(ALICE), await stored(HANA)]).toEqual([true, true]);
  });

  it('answers 404 for someone who is not configured staff', async () => {
    const response = await setAvailability(admin, 'ghost@example.com', { available: false });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('not_found');
  });

  it('answers 400 naming the field for a bad body or address, and 401 without a token', async () => {
    const notBoolean = await setAvailability(admin, BOB, { available: 'no' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['available']);
    const extra = await setAvailability(admin, BOB, { available: false, until: 'tomorrow' });
    expect(extra.status).toBe(400);
    expect(extra.json.error.details).toEqual([{ path: 'until', message: 'is not a known field' }]);
    const missing = await setAvailability(admin, BOB, {});
    expect(missing.status).toBe(400);
    const badEmail = await setAvailability(admin, 'not-an-email', { available: false });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.error.details[0].path).toBe('email');
    expect((await app.request('PUT', `/agents/${BOB}/availability`, { body: { available: false } })).status).toBe(401);
    expect(await stored(BOB)).toBe(true);
  });
});
