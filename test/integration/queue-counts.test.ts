import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalDocumentClient } from '../../local/dynamodb-local.ts';
import { DynamoDbQueueCounts } from '../../shared/adapters/dynamodb/dynamodb-queue-counts.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { WORKLOAD_STATUSES } from '../../shared/domain/ticket-status.ts';
import { assigneeWorkPartition, deskDuePartition, deskQueuePartition } from '../../shared/store/keys.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { fireSlaThreshold } from './sla-firing.ts';

const ALICE = 'alice.agent@example.com';
const DAN = 'dan.agent@example.com';

let app: TestApp;
let db: DynamoDBDocumentClient;
let counters: DynamoDbQueueCounts;
let alice: string;
let maria: string;
let hana: string;

const keys: Record<string, string> = {};

async function create(name: string, body: Record<string, unknown>, token = alice): Promise<string> {
  const response = await app.request('POST', '/tickets', { token, body: { subject: name, requester: { email: 'rita@example.org' }, ...body } });
  expect(response.status, response.text).toBe(201);
  keys[name] = response.json.ticket.key;
  return response.json.ticket.key;
}

async function patch(name: string, body: Record<string, unknown>, token = maria): Promise<{ assignee?: string; desk: string; level: string }> {
  const response = await app.request('PATCH', `/tickets/${keys[name]}`, { token, body });
  expect(response.status, response.text).toBe(200);
  return response.json.ticket;
}

/** How many tickets an index partition holds, optionally under a filter: the truth the counters must agree with. */
async function countOf(index: 'GSI1' | 'GSI2' | 'GSI4', partition: string, filter?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: app.tableName,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ...(filter ? { FilterExpression: filter.expression } : {}),
        ExpressionAttributeNames: { '#pk': `${index}PK`, ...filter?.names },
        ExpressionAttributeValues: { ':pk': partition, ...filter?.values },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

const attention = (value: 'at_risk' | 'breached') => ({ expression: 'slaAttention = :sla', values: { ':sla': value } });
const unassigned = { expression: 'attribute_not_exists(assignee)' };
const ofLevel = (level: string, extra?: string) => ({
  expression: `#level = :level${extra ? ` AND ${extra}` : ''}`,
  names: { '#level': 'level' },
  values: { ':level': level },
});

/** Every desk's and agent's counters, next to the same numbers counted from the index partitions. */
async function countersAndTickets() {
  const config = serviceDeskConfig();
  const desks = await Promise.all(
    config.desks.map(async (desk) => {
      const [stored] = await counters.deskCounts([desk.id]);
      const active = deskQueuePartition(desk.id, 'new');
      const levelsStored = Object.fromEntries(desk.levels.map((level) => [level.id, stored!.levels[level.id] ?? { active: 0, unassigned: 0 }]));
      const levelsCounted = Object.fromEntries(
        await Promise.all(
          desk.levels.map(
            async (level) => [level.id, { active: await countOf('GSI1', active, ofLevel(level.id)), unassigned: await countOf('GSI1', active, ofLevel(level.id, 'attribute_not_exists(assignee)')) }] as const,
          ),
        ),
      );
      return {
        stored: { desk: desk.id, active: stored!.active, unassigned: stored!.unassigned, atRisk: stored!.atRisk, breached: stored!.breached, levels: levelsStored },
        counted: {
          desk: desk.id,
          active: await countOf('GSI1', active),
          unassigned: await countOf('GSI1', active, unassigned),
          atRisk: await countOf('GSI1', active, attention('at_risk')),
          breached: await countOf('GSI1', active, attention('breached')),
          levels: levelsCounted,
        },
        // The due index holds exactly the desk's active tickets.
        due: await countOf('GSI4', deskDuePartition(desk.id)),
      };
    }),
  );
  const people = [...new Set(config.desks.flatMap((desk) => [...desk.levels.flatMap((level) => level.members), ...desk.managers]))];
  const stored = await counters.agentCounts(people);
  const agents = await Promise.all(
    stored.map(async (agent) => {
      const work = assigneeWorkPartition(agent.email, 'new');
      return {
        stored: agent,
        counted: {
          email: agent.email,
          openTickets: await countOf('GSI2', work, {
            expression: '#status IN (:s0, :s1, :s2, :s3)',
            names: { '#status': 'status' },
            values: Object.fromEntries(WORKLOAD_STATUSES.map((status, i) => [`:s${i}`, status])),
          }),
          active: await countOf('GSI2', work),
          atRisk: await countOf('GSI2', work, attention('at_risk')),
          breached: await countOf('GSI2', work, attention('breached')),
        },
      };
    }),
  );
  return { desks, agents };
}

async function expectCountersAgree(): Promise<void> {
  const { desks, agents } = await countersAndTickets();
  for (const desk of desks) {
    expect(desk.stored, `desk ${desk.counted.desk}`).toEqual(desk.counted);
    expect(desk.due, `due index of ${desk.counted.desk}`).toBe(desk.counted.active);
  }
  for (const agent of agents) expect(agent.stored, agent.counted.email).toEqual(agent.counted);
}

beforeAll(async () => {
  app = await startTestApp();
  db = createLocalDocumentClient(app.endpoint);
  counters = new DynamoDbQueueCounts(db, app.tableName);
  alice = await app.token({ email: ALICE });
  maria = await app.token({ email: 'maria.manager@example.com' });
  hana = await app.token({ email: 'hana.hr@example.com' });
});

afterAll(async () => {
  db?.destroy();
  await app?.close();
});

describe('queue counters', () => {
  it('start at zero, with no counter items at all', async () => {
    const { desks, agents } = await countersAndTickets();
    expect(desks.every((desk) => desk.stored.active === 0 && desk.counted.active === 0)).toBe(true);
    expect(agents.every((agent) => agent.stored.active === 0)).toBe(true);
  });

  it('agree with the tickets through creating, assigning, escalating, resolving, reopening, SLA warnings and breaches, and moves', async () => {
    for (const name of ['t1', 't2', 't3', 't4']) await create(name, { priority: 'P3' });
    await create('approval', { catalogItem: 'it-access-request', customFields: { system: 'ERP', justification: 'I run the month-end close' } });
    await create('broken-blind', { catalogItem: 'facilities-repair', customFields: { room: 'K1' } });
    await create('payslip', { catalogItem: 'hr-payroll' }, hana);
    await expectCountersAgree();
    expect((await counters.deskCounts(['it']))[0]).toMatchObject({ active: 5, unassigned: 5, levels: { l1: { active: 5, unassigned: 5 } } });

    await patch('t1', { assignee: ALICE });
    await patch('t2', { assignee: DAN });
    await patch('t1', { assignee: DAN });
    await expectCountersAgree();
    expect((await counters.agentCounts([ALICE, DAN])).map((agent) => agent.active)).toEqual([0, 2]);

    // Escalation moves the ticket to level 2, which assigns by workload.
    const escalated = await app.request('POST', `/tickets/${keys['t3']}/escalate`, { token: maria, body: { reason: 'needs level 2' } });
    expect(escalated.status, escalated.text).toBe(200);
    expect(escalated.json.ticket).toMatchObject({ level: 'l2', assignee: expect.any(String) });
    await expectCountersAgree();

    await patch('t2', { status: 'resolved' });
    await expectCountersAgree();
    await patch('t2', { status: 'open' });
    await patch('t4', { status: 'closed' });
    await expectCountersAgree();

    await fireSlaThreshold(app, keys['t1']!, 'first_response', 75);
    await fireSlaThreshold(app, keys['t3']!, 'resolution', 75);
    await expectCountersAgree();
    expect((await counters.deskCounts(['it']))[0]).toMatchObject({ atRisk: 2, breached: 0 });
    await fireSlaThreshold(app, keys['t1']!, 'first_response', 100);
    await expectCountersAgree();
    expect((await counters.deskCounts(['it']))[0]).toMatchObject({ atRisk: 1, breached: 1 });
    expect((await counters.agentCounts([DAN]))[0]).toMatchObject({ active: 2, atRisk: 0, breached: 1 });

    await patch('t3', { desk: 'facilities' });
    await patch('broken-blind', { assignee: null });
    await expectCountersAgree();

    await patch('t1', { status: 'resolved' });
    await expectCountersAgree();
    expect((await counters.deskCounts(['it']))[0]).toMatchObject({ breached: 0 });
  });

  it('move no counter for a comment or a new subject', async () => {
    const before = await countersAndTickets();
    await app.request('POST', `/tickets/${keys['t2']}/comments`, { token: maria, body: { body: 'Looking into it.' } });
    await patch('t2', { subject: 'Printer jams on every page' });
    expect(await countersAndTickets()).toEqual(before);
  });

  it('agree after concurrent creates and assignments on one desk', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const response = await app.request('POST', '/tickets', { token: alice, body: { subject: `Burst ${i}`, requester: { email: 'rita@example.org' } } });
        expect(response.status, response.text).toBe(201);
        return response.json.ticket.key as string;
      }),
    );
    await Promise.all(
      created.slice(0, 6).map(async (key, i) => {
        const response = await app.request('PATCH', `/tickets/${key}`, { token: maria, body: { assignee: i % 2 ? ALICE : DAN } });
        expect(response.status, response.text).toBe(200);
      }),
    );
    await expectCountersAgree();
  });
});

describe('GET /me/queues', () => {
  it('gives staff their own work and every desk they work, as the counters say', async () => {
    const dan = await app.token({ email: DAN });
    const response = await app.request('GET', '/me/queues', { token: dan });
    expect(response.status, response.text).toBe(200);
    const [mine] = await counters.agentCounts([DAN]);
    const [it] = await counters.deskCounts(['it']);
    expect(response.json).toEqual({
      mine: { active: mine!.active, atRisk: mine!.atRisk, breached: mine!.breached },
      desks: [
        {
          id: 'it',
          name: 'IT Service Desk',
          active: it!.active,
          unassigned: it!.unassigned,
          atRisk: it!.atRisk,
          breached: it!.breached,
          levels: [
            { id: 'l1', name: 'Level 1', active: it!.levels.l1?.active ?? 0, unassigned: it!.levels.l1?.unassigned ?? 0 },
            { id: 'l2', name: 'Level 2', active: it!.levels.l2?.active ?? 0, unassigned: it!.levels.l2?.unassigned ?? 0 },
          ],
        },
      ],
    });
    expect(response.json.mine.active).toBeGreaterThan(0);
  });

  it('lists the desks each kind of staff works, never a restricted desk to an admin', async () => {
    const desksOf = async (token: string) => ((await app.request('GET', '/me/queues', { token })).json.desks as { id: string }[]).map((desk) => desk.id);
    expect(await desksOf(await app.token({ role: 'admin' }))).toEqual(['it', 'facilities']);
    expect(await desksOf(maria)).toEqual(['it', 'facilities']);
    expect(await desksOf(hana)).toEqual(['hr']);
    const hr = (await app.request('GET', '/me/queues', { token: hana })).json.desks[0];
    expect(hr).toMatchObject({ id: 'hr', name: 'HR', active: 1, unassigned: 0, levels: [{ id: 'l1', name: 'HR Team', active: 1, unassigned: 0 }] });
  });

  it('refuses requesters and machine clients', async () => {
    expect((await app.request('GET', '/me/queues', { token: await app.token({ email: 'rita@example.org' }) })).status).toBe(403);
    expect((await app.request('GET', '/me/queues', { token: await app.token({ client: 'reporting', scopes: ['servicedesk/tickets.read'] }) })).status).toBe(403);
  });
});

describe('GET /desks/{id}/team', () => {
  it("lists the desk's levels and members with their availability and load, and the desk's unassigned count", async () => {
    const unavailable = await app.request('PUT', `/agents/${encodeURIComponent(ALICE)}/availability`, { token: maria, body: { available: false } });
    expect(unavailable.status).toBe(200);
    const response = await app.request('GET', '/desks/it/team', { token: alice });
    expect(response.status, response.text).toBe(200);
    const members = [ALICE, DAN, 'bob.agent@example.com', 'eve.agent@example.com'];
    const load = new Map((await counters.agentCounts(members)).map((agent) => [agent.email, agent]));
    const member = (email: string, name: string, available = true) => ({
      email,
      name,
      role: 'agent',
      available,
      openTickets: load.get(email)!.openTickets,
      atRisk: load.get(email)!.atRisk,
      breached: load.get(email)!.breached,
    });
    expect(response.json).toEqual({
      desk: { id: 'it', name: 'IT Service Desk' },
      unassigned: (await counters.deskCounts(['it']))[0]!.unassigned,
      levels: [
        { id: 'l1', name: 'Level 1', assignment: 'free', members: [member(ALICE, 'Alice Agent', false), member(DAN, 'Dan Agent')] },
        { id: 'l2', name: 'Level 2', assignment: 'workload', members: [member('bob.agent@example.com', 'Bob Agent'), member('eve.agent@example.com', 'Eve Agent')] },
      ],
    });
    expect(response.json.levels[0].members[1].openTickets).toBeGreaterThan(0);
    await app.request('PUT', `/agents/${encodeURIComponent(ALICE)}/availability`, { token: maria, body: { available: true } });
  });

  it('shows a member with no counter or availability item as available with nothing', async () => {
    const response = await app.request('GET', '/desks/facilities/team', { token: maria });
    expect(response.status).toBe(200);
    expect(response.json.levels[0].members.find((person: { email: string }) => person.email === 'fatima.facilities@example.com')).toMatchObject({
      available: true,
      openTickets: expect.any(Number),
      atRisk: 0,
      breached: 0,
    });
    expect(response.json.levels[1]).toMatchObject({ id: 'l2', assignment: 'manual', members: [{ email: 'maria.manager@example.com', role: 'manager' }] });
  });

  it('answers 404 for no such desk and 403 to whoever does not work the desk', async () => {
    expect((await app.request('GET', '/desks/nowhere/team', { token: alice })).status).toBe(404);
    expect((await app.request('GET', '/desks/hr/team', { token: alice })).status).toBe(403);
    expect((await app.request('GET', '/desks/hr/team', { token: await app.token({ role: 'admin' }) })).status).toBe(403);
    expect((await app.request('GET', '/desks/hr/team', { token: hana })).status).toBe(200);
  });
});
