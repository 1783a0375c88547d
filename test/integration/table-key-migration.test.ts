import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTableKeys } from '../../infra/maintenance/table-key-migration.ts';
import { PROJECT_ROOT } from '../../infra/constructs/service-desk-function.ts';
import { unpackSla } from '../../shared/adapters/dynamodb/packed-sla.ts';
import { createLocalDocumentClient } from '../../local/dynamodb-local.ts';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let db: DynamoDBDocumentClient;
let agent: string;

beforeAll(async () => {
  app = await startTestApp();
  db = createLocalDocumentClient(app.endpoint);
  agent = await app.token({ role: 'agent' });
});

afterAll(async () => {
  db?.destroy();
  await app?.close();
});

/**
 * Rewrites a ticket's items the way an earlier build stored them: a queue partition per status, no
 * due index keys, the SLA a map of clocks, empty tags, category and custom fields stored, history
 * under `HISTORY#`.
 */
async function toEarlierLayout(key: string): Promise<void> {
  const { Items = [] } = await db.send(new QueryCommand({ TableName: app.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `TICKET#${key}` } }));
  for (const item of Items) {
    if (item.entity === 'ticket') {
      expect(typeof item.sla).toBe('string');
      const set = ['GSI1PK = :desk', ...(item.assignee ? ['GSI2PK = :assignee'] : []), 'sla = :clocks', 'tags = :none', 'category = :none', 'customFields = :nothing'].join(', ');
      await db.send(
        new UpdateCommand({
          TableName: app.tableName,
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: `SET ${set} REMOVE GSI4PK, GSI4SK`,
          ExpressionAttributeValues: {
            ':desk': `DESK#${item.desk}#STATUS#${item.status}`,
            ...(item.assignee ? { ':assignee': `ASSIGNEE#${item.assignee}#STATUS#${item.status}` } : {}),
            ':clocks': unpackSla(item.sla, item.createdAt),
            ':none': [],
            ':nothing': {},
          },
        }),
      );
    }
    if (item.entity === 'history') {
      await db.send(new PutCommand({ TableName: app.tableName, Item: { ...item, SK: String(item.SK).replace('TICKET#HISTORY#', 'HISTORY#') } }));
      await db.send(new DeleteCommand({ TableName: app.tableName, Key: { PK: item.PK, SK: item.SK } }));
    }
  }
}

/** Counters as an earlier build left them: no desk counts, an agent item with the workload count only (and that one off), a stale desk item. */
async function toEarlierCounters(): Promise<void> {
  await db.send(new DeleteCommand({ TableName: app.tableName, Key: { PK: 'DESK#it', SK: 'QUEUE_COUNTS' } }));
  await db.send(
    new UpdateCommand({
      TableName: app.tableName,
      Key: { PK: 'AGENT#alice.agent@example.com', SK: 'WORKLOAD' },
      UpdateExpression: 'SET openTickets = :wrong REMOVE activeTickets, atRisk, breached',
      ExpressionAttributeValues: { ':wrong': 7 },
    }),
  );
  await db.send(new PutCommand({ TableName: app.tableName, Item: { PK: 'DESK#facilities', SK: 'QUEUE_COUNTS', entity: 'queue_counts', active: 3, 'level#l1#active': 3 } }));
}

describe('moving a table to the current key layout', () => {
  it('brings tickets of an earlier build back into their queues and their history back beside them, and counts them, once', async () => {
    const open = (await app.request('POST', '/tickets', { token: agent, body: { subject: 'VPN drops', requester: { email: 'rita@example.org' } } })).json.ticket;
    await app.request('PATCH', `/tickets/${open.key}`, { token: agent, body: { status: 'open', assignee: 'alice.agent@example.com' } });
    const resolved = (await app.request('POST', '/tickets', { token: agent, body: { subject: 'Mouse', requester: { email: 'rita@example.org' } } })).json.ticket;
    await app.request('PATCH', `/tickets/${resolved.key}`, { token: agent, body: { status: 'resolved' } });
    const historyBefore = (await app.request('GET', `/tickets/${open.key}/history`, { token: agent })).json.items;
    expect(historyBefore.length).toBeGreaterThan(1);
    const historyOfResolved = (await app.request('GET', `/tickets/${resolved.key}/history`, { token: agent })).json.items.length;
    // The ticket as stored: without the time its clocks have left, which the view derives from now.
    type Clock = Record<string, unknown> & { businessMinutesLeft?: number };
    const ticketOf = async (key: string) => {
      const ticket = (await app.request('GET', `/tickets/${key}`, { token: agent })).json.ticket;
      return { ...ticket, sla: { ...ticket.sla, clocks: ticket.sla.clocks.map(({ businessMinutesLeft: _left, ...clock }: Clock) => clock) } };
    };
    const openBefore = await ticketOf(open.key);
    expect(openBefore.sla.clocks.length).toBeGreaterThan(0);
    await toEarlierLayout(open.key);
    await toEarlierLayout(resolved.key);
    await toEarlierCounters();
    // Items of the earlier layout read as before.
    expect(await ticketOf(open.key)).toEqual(openBefore);

    const keysIn = async (path: string) => ((await app.request('GET', path, { token: agent })).json.items as { key: string }[]).map((ticket) => ticket.key);
    // What an upgrade without the migration would show: the tickets are stored but in no queue, their history empty.
    expect(await keysIn('/tickets?desk=it')).not.toContain(open.key);
    expect((await app.request('GET', `/tickets/${open.key}/history`, { token: agent })).json.items).toEqual([]);
    expect(await keysIn('/desks/it/queue?order=due')).not.toContain(open.key);

    // Run asynchronously: a blocked event loop would leave the client's kept-alive sockets to the API stale.
    const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/maintenance/migrate-table-keys.ts', '--table', app.tableName, '--endpoint', app.endpoint], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    // The active ticket changes partition and enters the due index; a resolved one keeps its own, as
    // before. The counters of IT, of Alice and of Facilities (which has no ticket) are set again.
    expect(cli.stdout).toMatch(
      new RegExp(`^${app.tableName}: items read \\d+, tickets re-keyed 1, tickets repacked 2, history events moved ${historyBefore.length + historyOfResolved}, counters rebuilt 3\\n$`),
    );

    expect(await keysIn('/tickets?desk=it')).toContain(open.key);
    expect(await keysIn('/tickets?assignee=alice.agent@example.com')).toContain(open.key);
    expect(await keysIn('/tickets?desk=it&status=resolved')).toContain(resolved.key);
    expect((await app.request('GET', `/tickets/${open.key}/history`, { token: agent })).json.items).toEqual(historyBefore);
    expect(await keysIn('/desks/it/queue?order=due')).toEqual([open.key]);
    expect(await ticketOf(open.key)).toEqual(openBefore);
    const { Item: repacked } = await db.send(new GetCommand({ TableName: app.tableName, Key: { PK: `TICKET#${open.key}`, SK: 'TICKET' } }));
    expect(typeof repacked!.sla).toBe('string');
    expect(repacked).not.toHaveProperty('tags');
    const queues = (await app.request('GET', '/me/queues', { token: agent })).json;
    expect(queues.mine).toEqual({ active: 1, atRisk: 0, breached: 0 });
    expect(queues.desks.find((desk: { id: string }) => desk.id === 'it')).toMatchObject({
      active: 1,
      unassigned: 0,
      levels: [
        { id: 'l1', active: 1, unassigned: 0 },
        { id: 'l2', active: 0 },
      ],
    });
    const team = (await app.request('GET', '/desks/facilities/team', { token: await app.token({ role: 'manager' }) })).json;
    expect(team.unassigned).toBe(0);
    const { Item: facilities } = await db.send(new GetCommand({ TableName: app.tableName, Key: { PK: 'DESK#facilities', SK: 'QUEUE_COUNTS' } }));
    expect(facilities).toMatchObject({ active: 0, 'level#l1#active': 0 });
    const { Item: alice } = await db.send(new GetCommand({ TableName: app.tableName, Key: { PK: 'AGENT#alice.agent@example.com', SK: 'WORKLOAD' } }));
    expect(alice).toMatchObject({ openTickets: 1, activeTickets: 1 });

    await expect(migrateTableKeys(db, app.tableName)).resolves.toMatchObject({ ticketsRekeyed: 0, ticketsRepacked: 0, historyMoved: 0, countersRebuilt: 0 });
  });
});
