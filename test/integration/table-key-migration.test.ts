import { spawnSync } from 'node:child_process';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTableKeys } from '../../infra/maintenance/table-key-migration.ts';
import { PROJECT_ROOT } from '../../infra/constructs/service-desk-function.ts';
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

/** Rewrites a ticket's items the way an earlier build stored them: a queue partition per status, history under `HISTORY#`. */
async function toEarlierLayout(key: string): Promise<void> {
  const { Items = [] } = await db.send(new QueryCommand({ TableName: app.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `TICKET#${key}` } }));
  for (const item of Items) {
    if (item.entity === 'ticket') {
      const set = ['GSI1PK = :desk', ...(item.assignee ? ['GSI2PK = :assignee'] : [])].join(', ');
      await db.send(
        new UpdateCommand({
          TableName: app.tableName,
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: `SET ${set}`,
          ExpressionAttributeValues: { ':desk': `DESK#${item.desk}#STATUS#${item.status}`, ...(item.assignee ? { ':assignee': `ASSIGNEE#${item.assignee}#STATUS#${item.status}` } : {}) },
        }),
      );
    }
    if (item.entity === 'history') {
      await db.send(new PutCommand({ TableName: app.tableName, Item: { ...item, SK: String(item.SK).replace('TICKET#HISTORY#', 'HISTORY#') } }));
      await db.send(new DeleteCommand({ TableName: app.tableName, Key: { PK: item.PK, SK: item.SK } }));
    }
  }
}

describe('moving a table to the current key layout', () => {
  it('brings tickets of an earlier build back into their queues and their history back beside them, once', async () => {
    const open = (await app.request('POST', '/tickets', { token: agent, body: { subject: 'VPN drops', requester: { email: 'rita@example.org' } } })).json.ticket;
    await app.request('PATCH', `/tickets/${open.key}`, { token: agent, body: { status: 'open', assignee: 'alice.agent@example.com' } });
    const resolved = (await app.request('POST', '/tickets', { token: agent, body: { subject: 'Mouse', requester: { email: 'rita@example.org' } } })).json.ticket;
    await app.request('PATCH', `/tickets/${resolved.key}`, { token: agent, body: { status: 'resolved' } });
    const historyBefore = (await app.request('GET', `/tickets/${open.key}/history`, { token: agent })).json.items;
    expect(historyBefore.length).toBeGreaterThan(1);
    const historyOfResolved = (await app.request('GET', `/tickets/${resolved.key}/history`, { token: agent })).json.items.length;
    await toEarlierLayout(open.key);
    await toEarlierLayout(resolved.key);

    const keysIn = async (path: string) => ((await app.request('GET', path, { token: agent })).json.items as { key: string }[]).map((ticket) => ticket.key);
    // What an upgrade without the migration would show: the tickets are stored but in no queue, their history empty.
    expect(await keysIn('/tickets?desk=it')).not.toContain(open.key);
    expect((await app.request('GET', `/tickets/${open.key}/history`, { token: agent })).json.items).toEqual([]);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'infra/maintenance/migrate-table-keys.ts', '--table', app.tableName, '--endpoint', app.endpoint], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    // The active ticket changes partition; a resolved one keeps its own, as before.
    expect(cli.stdout).toMatch(new RegExp(`^${app.tableName}: items read \\d+, tickets re-keyed 1, history events moved ${historyBefore.length + historyOfResolved}\\n$`));

    expect(await keysIn('/tickets?desk=it')).toContain(open.key);
    expect(await keysIn('/tickets?assignee=alice.agent@example.com')).toContain(open.key);
    expect(await keysIn('/tickets?desk=it&status=resolved')).toContain(resolved.key);
    expect((await app.request('GET', `/tickets/${open.key}/history`, { token: agent })).json.items).toEqual(historyBefore);

    await expect(migrateTableKeys(db, app.tableName)).resolves.toMatchObject({ ticketsRekeyed: 0, historyMoved: 0 });
  });
});
