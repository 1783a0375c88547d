/**
 * DynamoDB cost per API operation and per ticket lifecycle, through the local runtime and the real
 * handlers: round trips and consumed read/write units, by function, with any Scan flagged.
 */
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { createTransport } from 'nodemailer';
import { createLocalDynamoDbClient } from '../../local/dynamodb-local.ts';
import { ENV } from '../../shared/environment.ts';
import { LOCAL_TIMER_PARTITION } from '../../shared/store/keys.ts';
import { itemBytes, totalsOf, useBetween, type FunctionUse } from '../lib/dynamodb-meter.ts';
import { usageBetween, type ApiAnswer, type BenchRuntime, type FunctionActivity } from '../lib/bench-runtime.ts';
import { round } from '../lib/stats.ts';

export interface TableUse {
  roundTrips: number;
  readUnits: number;
  writeUnits: number;
  transactions: number;
  scans: number;
  commands: string;
}

export interface OperationCost {
  operation: string;
  status: number;
  /** What the route's own function did. */
  api: TableUse;
  /** What followed it: the stream consumer, the mails it queued, timers. */
  followUp: TableUse & { functions: string };
  target: string;
  meetsTarget: boolean;
}

export interface LifecycleCost {
  steps: string[];
  /** By function: invocations, handler time, log bytes, table use. */
  functions: Record<string, FunctionActivity & TableUse>;
  total: TableUse;
  apiRequests: number;
  inboundMails: number;
  inboundBytes: number;
  sentMails: number;
  sentRecipients: number;
  sentBytes: number;
  timersScheduled: number;
  timersCancelled: number;
  timersFired: number;
  /** Stream records the stack's event filter passes (tickets, new comments): an upper bound of the consumer's invocations on AWS. */
  streamRecordsPassingFilter: number;
  /** Table bytes the ticket left behind, indexes and DynamoDB's 100-byte item overhead included. */
  storedBytes: number;
}

export interface DynamoDbCostResult {
  method: string;
  operations: OperationCost[];
  lifecycle: LifecycleCost;
}

const READ_TARGET = 'one round trip';
const WRITE_TARGET = 'at most one transaction (+ stream)';

export async function measureDynamoDbCost(runtime: BenchRuntime): Promise<DynamoDbCostResult> {
  const requester = await runtime.token({ email: 'jane@example.org' });
  const agent = await runtime.token({ role: 'agent' });
  const manager = await runtime.token({ role: 'manager' });
  const admin = await runtime.token({ role: 'admin' });
  const approver = await runtime.token({ email: 'mark.lead@example.org' });
  const agentEmail = 'alice.agent@example.com';
  await runtime.settle();

  const operations: OperationCost[] = [];
  let key = '';
  await runtime.settle();
  const measure = async (operation: string, kind: 'read' | 'write', request: () => Promise<{ status: number; json: ApiAnswer }>, handler: string, prepare?: () => Promise<void>) => {
    // The second run is reported: the first also pays for one-time items (counters, rotations).
    let result: OperationCost | undefined;
    for (let run = 0; run < 2; run++) {
      if (prepare) {
        await prepare();
        await runtime.settle();
      }
      const before = runtime.usage();
      const response = await request();
      const afterCall = runtime.usage();
      await runtime.settle();
      const after = runtime.usage();
      const api = tableUse(useBetween(before.dynamodb, afterCall.dynamodb).get(handler));
      const followUsage = useBetween(afterCall.dynamodb, after.dynamodb);
      followUsage.delete(handler);
      const followUp = mergeUse([...followUsage.values()]);
      const meetsTarget = kind === 'read' ? api.roundTrips <= 1 && api.scans === 0 : api.transactions <= 1 && api.scans === 0 && followUp.scans === 0;
      result = { operation, status: response.status, api, followUp: { ...followUp, functions: [...followUsage.keys()].join(', ') }, target: kind === 'read' ? READ_TARGET : WRITE_TARGET, meetsTarget };
    }
    operations.push(result!);
  };

  await measure(
    'POST /tickets',
    'write',
    async () => {
      const response = await runtime.call('POST', '/tickets', requester, { subject: 'Printer on floor 3 jams', description: 'It jams on every second page.', impact: 'medium', urgency: 'high' });
      key = response.json.ticket.key;
      return response;
    },
    'create-ticket',
  );
  await measure(
    'POST /tickets (catalog item, round robin)',
    'write',
    () => runtime.call('POST', '/tickets', requester, { catalogItem: 'facilities-repair', subject: 'Blind stuck', customFields: { room: '2.14' } }),
    'create-ticket',
  );
  await measure('GET /tickets/{key}', 'read', () => runtime.call('GET', `/tickets/${key}`, agent), 'get-ticket');
  await measure('GET /tickets?desk=it (the active queue)', 'read', () => runtime.call('GET', '/tickets?desk=it', agent), 'list-tickets');
  await measure('GET /tickets?desk=it&status=new', 'read', () => runtime.call('GET', '/tickets?desk=it&status=new', agent), 'list-tickets');
  await measure("GET /tickets (requester's own)", 'read', () => runtime.call('GET', '/tickets', requester), 'list-tickets');
  await measure('GET /tickets/{key}/history', 'read', () => runtime.call('GET', `/tickets/${key}/history`, agent), 'get-ticket-history');
  await measure('GET /desks/{id}/queue', 'read', () => runtime.call('GET', '/desks/it/queue?status=new', agent), 'get-desk-queue');
  let toggle = false;
  await measure(
    'PATCH /tickets/{key}',
    'write',
    () => {
      toggle = !toggle;
      return runtime.call('PATCH', `/tickets/${key}`, agent, { status: 'open', assignee: agentEmail, priority: toggle ? 'P2' : 'P3' });
    },
    'update-ticket',
  );
  await measure('POST /tickets/{key}/comments (public reply)', 'write', () => runtime.call('POST', `/tickets/${key}/comments`, agent, { body: 'A technician is on the way.' }), 'add-comment');
  await measure('POST /tickets/{key}/comments (internal note)', 'write', () => runtime.call('POST', `/tickets/${key}/comments`, agent, { body: 'Toner sensor is dirty', public: false }), 'add-comment');
  let escalateKey = '';
  await measure(
    'POST /tickets/{key}/escalate',
    'write',
    () => runtime.call('POST', `/tickets/${escalateKey}/escalate`, manager, { reason: 'needs a specialist' }),
    'escalate-ticket',
    async () => {
      escalateKey = (await runtime.call('POST', '/tickets', requester, { subject: 'Needs level 2', impact: 'low', urgency: 'low' })).json.ticket.key;
    },
  );
  let approvalKey = '';
  await measure(
    'POST /tickets/{key}/approval',
    'write',
    () => runtime.call('POST', `/tickets/${approvalKey}/approval`, approver, { decision: 'approve', comment: 'Needed' }),
    'decide-approval',
    async () => {
      approvalKey = (await runtime.call('POST', '/tickets', requester, { catalogItem: 'it-access-request', subject: 'ERP access', customFields: { system: 'ERP', justification: 'Month-end close' } })).json
        .ticket.key;
    },
  );
  await measure('PUT /agents/{email}/availability', 'write', () => runtime.call('PUT', `/agents/${agentEmail}/availability`, agent, { available: true }), 'set-agent-availability');
  await measure('GET /mail/quarantine', 'read', () => runtime.call('GET', '/mail/quarantine', admin), 'list-quarantined-mail');
  await measure('GET /catalog', 'read', () => runtime.call('GET', '/catalog', requester), 'get-catalog');

  const lifecycle = await measureLifecycle(runtime, agent, agentEmail);
  return {
    method:
      'ReturnConsumedCapacity (INDEXES) on every request, summed by a client middleware per function; units as DynamoDB Local reports them, except TransactWriteItems, whose table units are computed per item (2 WCU per started KB) because DynamoDB Local sizes a whole transaction as one item. Index units are as reported: per index the size of its entry in KB, twice when its keys change, none when nothing it projects changed, and doubled inside a transaction (an upper bound if AWS writes the indexes of a transaction at the standard rate). Reads of one ticket are strongly consistent, list queries eventually consistent.',
    operations,
    lifecycle,
  };
}

/**
 * One ticket's life: a mail opens it (acknowledgement mailed, SLA timers set), the agent reads
 * the queue once and the ticket before each of 3 public replies, the requester answers twice by
 * mail, the agent resolves it (resolution mailed, timers cleared).
 */
async function measureLifecycle(runtime: BenchRuntime, agent: string, agentEmail: string): Promise<LifecycleCost> {
  const smtp = createTransport({ host: '127.0.0.1', port: runtime.sideEffects.smtp.port, secure: false, ignoreTLS: true });
  const requester = `lifecycle.${Date.now().toString(36)}@example.org`;
  const steps: string[] = [];
  let inboundMails = 0;
  let inboundBytes = 0;
  const mail = async (subject: string, text: string) => {
    const info = await smtp.sendMail({ from: requester, to: 'support@desk.example.com', subject, text });
    inboundMails += 1;
    inboundBytes += (info as { messageSize?: number }).messageSize ?? Buffer.byteLength(subject + text) + 600;
    await runtime.settle();
  };
  const api = async (step: string, method: string, path: string, body?: unknown) => {
    const response = await runtime.call(method, path, agent, body);
    if (response.status >= 300) throw new Error(`${step}: ${response.status} ${JSON.stringify(response.json)}`);
    steps.push(step);
    await runtime.settle();
    return response.json;
  };

  await runtime.settle();
  const storedBefore = await tableBytes();
  const mailBefore = runtime.sentMail();
  const before = runtime.usage();

  await mail('Monitor flickers', 'Since this morning the left monitor flickers every few seconds.');
  steps.push('mail in (ticket, acknowledgement, SLA timers)');
  const listed = await api("agent finds the requester's ticket in a list", 'GET', `/tickets?requester=${encodeURIComponent(requester)}&status=all`);
  const key: string = listed.items[0].key;
  const replies = ['Could you tell me the model of the monitor?', 'Please try the other cable in the drawer.', 'A replacement is on its way.'];
  for (const [index, reply] of replies.entries()) {
    await api(`agent reads the ticket (${index + 1})`, 'GET', `/tickets/${key}`);
    await api(`agent replies (${index + 1}, mailed)`, 'POST', `/tickets/${key}/comments`, { body: reply });
    if (index < 2) {
      await mail(`Re: [${key}] Monitor flickers`, index === 0 ? 'It is a Dell P2419H.' : 'The other cable did not help.');
      steps.push(`requester replies by mail (${index + 1})`);
    }
  }
  await api('agent resolves (mailed, timers cleared)', 'PATCH', `/tickets/${key}`, { status: 'resolved', assignee: agentEmail });

  const after = runtime.usage();
  const mailAfter = runtime.sentMail();
  const storedAfter = await tableBytes();
  smtp.close();
  const activity = usageBetween(before, after);
  const tableDelta = useBetween(before.dynamodb, after.dynamodb);
  const functions: LifecycleCost['functions'] = {};
  for (const name of new Set([...activity.functions.keys(), ...tableDelta.keys()])) {
    functions[name] = { ...(activity.functions.get(name) ?? { invocations: 0, durationMs: 0, logBytes: 0 }), ...tableUse(tableDelta.get(name)) };
    functions[name]!.durationMs = round(functions[name]!.durationMs);
  }
  const httpFunctions = Object.keys(functions).filter((name) => !['ticket-changes', 'notifications', 'sla-timer', 'email-intake', '(bench)'].includes(name));
  return {
    steps,
    functions,
    total: mergeUse([...tableDelta].filter(([name]) => name !== '(bench)').map(([, use]) => use)),
    apiRequests: httpFunctions.reduce((sum, name) => sum + functions[name]!.invocations, 0),
    inboundMails,
    inboundBytes,
    sentMails: mailAfter.mails - mailBefore.mails,
    sentRecipients: mailAfter.recipients - mailBefore.recipients,
    sentBytes: mailAfter.bytes - mailBefore.bytes,
    timersScheduled: activity.timersScheduled,
    timersCancelled: activity.timersCancelled,
    timersFired: functions['sla-timer']?.invocations ?? 0,
    streamRecordsPassingFilter: activity.streamRecordsPassingFilter,
    storedBytes: storedAfter - storedBefore,
  };
}

/** All bytes in the table, indexes and per-item overhead included, the local timers excluded (a bench-only Scan). */
async function tableBytes(): Promise<number> {
  const client = createLocalDynamoDbClient(process.env[ENV.dynamodbEndpoint]!);
  let total = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: process.env[ENV.tableName]!, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (item.PK?.S === LOCAL_TIMER_PARTITION) continue;
      const size = itemBytes(item as unknown as Record<string, Record<string, unknown>>) + 100;
      const indexed = ['GSI1PK', 'GSI2PK', 'GSI3PK', 'GSI4PK'].filter((name) => item[name]).length;
      total += size * (1 + indexed);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return total;
}

function tableUse(use: FunctionUse | undefined): TableUse {
  const totals = totalsOf(use);
  return {
    roundTrips: totals.calls,
    readUnits: round(totals.readUnits, 2),
    writeUnits: round(totals.writeUnits, 2),
    transactions: use?.TransactWriteItemsCommand?.calls ?? 0,
    scans: totals.scans,
    commands: totals.commands,
  };
}

function mergeUse(uses: FunctionUse[]): TableUse {
  const merged: FunctionUse = {};
  for (const use of uses) {
    for (const [command, counts] of Object.entries(use)) {
      const entry = (merged[command] ??= { calls: 0, readUnits: 0, writeUnits: 0 });
      entry.calls += counts.calls;
      entry.readUnits += counts.readUnits;
      entry.writeUnits += counts.writeUnits;
    }
  }
  return tableUse(merged);
}
