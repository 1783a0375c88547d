import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbTicketStore } from '../../../shared/adapters/dynamodb/dynamodb-ticket-store.ts';
import type { HistoryEvent } from '../../../shared/domain/history.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { AssignmentRaceError } from '../../../shared/ports/assignment-store.ts';
import { StaleVersionError } from '../../../shared/ports/ticket-store.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const dynamo = mockClient(documentClient);
const store = new DynamoDbTicketStore(documentClient, 'desk-table');

const at = '2026-11-02T09:00:00.000Z';
const later = '2026-11-02T10:00:00.000Z';
const event: HistoryEvent = { id: '01H', ticketKey: 'SD-1', at, actor: { kind: 'system', id: 'test' }, action: 'created', changes: [] };
const claim = { caller: 'user:u1', key: 'k1', expiresAt: 1 };

const cancelled = (...codes: string[]) => new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

const transactItems = (call = 0) => dynamo.commandCalls(TransactWriteCommand)[call]!.args[0].input.TransactItems!;

// An assignment in a workload status moves both the workload count and the count of active work.
const increment = (email: string, now: string) => ({
  Update: {
    TableName: 'desk-table',
    Key: { PK: `AGENT#${email}`, SK: 'WORKLOAD' },
    UpdateExpression: 'ADD openTickets :delta, #active :active SET lastAssignedAt = :now, entity = :entity',
    ExpressionAttributeNames: { '#active': 'activeTickets' },
    ExpressionAttributeValues: { ':delta': 1, ':active': 1, ':now': now, ':entity': 'workload' },
  },
});
const decrement = (email: string) => ({
  Update: {
    TableName: 'desk-table',
    Key: { PK: `AGENT#${email}`, SK: 'WORKLOAD' },
    UpdateExpression: 'ADD openTickets :delta, #active :active SET entity = :entity',
    ExpressionAttributeNames: { '#active': 'activeTickets' },
    ExpressionAttributeValues: { ':delta': -1, ':active': -1, ':entity': 'workload' },
  },
});
const deskCounts = (desk: string, counts: Record<string, number>) => {
  const entries = Object.entries(counts);
  return {
    Update: {
      TableName: 'desk-table',
      Key: { PK: `DESK#${desk}`, SK: 'QUEUE_COUNTS' },
      UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')} SET entity = :entity`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
      ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, delta], i) => [`:c${i}`, delta])), ':entity': 'queue_counts' },
    },
  };
};

beforeEach(() => dynamo.reset());

describe('workload counters in the create transaction', () => {
  it('adds one to the assignee of a new ticket and stamps its last assignment, and counts it on its desk and level', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.createTicket(aTicket({ assignee: 'a@x.com' }), event);
    expect(transactItems()).toHaveLength(4);
    expect(transactItems()[2]).toEqual(increment('a@x.com', at));
    expect(transactItems()[3]).toEqual(deskCounts('it', { active: 1, 'level#l1#active': 1 }));
  });

  it('touches no agent counter for an unassigned ticket, and counts it unassigned on its desk', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.createTicket(aTicket(), event);
    expect(transactItems()).toHaveLength(3);
    expect(transactItems()[2]).toEqual(deskCounts('it', { active: 1, unassigned: 1, 'level#l1#active': 1, 'level#l1#unassigned': 1 }));
  });

  it('puts the guard on the assignee counter update as a condition on the count that was read', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.createTicket(aTicket({ assignee: 'a@x.com' }), event, undefined, { email: 'a@x.com', openTickets: 2 });
    expect(transactItems()[2]!.Update).toMatchObject({
      Key: { PK: 'AGENT#a@x.com', SK: 'WORKLOAD' },
      ConditionExpression: 'openTickets = :expected',
      ExpressionAttributeValues: { ':delta': 1, ':expected': 2 },
    });
  });

  it('lets a guard that expects zero pass on an agent that has no counter yet', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.createTicket(aTicket({ assignee: 'a@x.com' }), event, undefined, { email: 'a@x.com', openTickets: 0 });
    expect(transactItems()[2]!.Update!.ConditionExpression).toBe('attribute_not_exists(openTickets) OR openTickets = :expected');
  });

  it('checks a guard on an agent the write does not count for with a condition check', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.createTicket(aTicket(), event, undefined, { email: 'a@x.com', openTickets: 1 });
    expect(transactItems()[2]).toEqual({
      ConditionCheck: {
        TableName: 'desk-table',
        Key: { PK: 'AGENT#a@x.com', SK: 'WORKLOAD' },
        ConditionExpression: 'openTickets = :expected',
        ExpressionAttributeValues: { ':expected': 1 },
      },
    });
  });

  it('reports a failed guard alone as an assignment race, so the caller can choose again', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed'));
    const error = await store.createTicket(aTicket({ assignee: 'a@x.com' }), event, undefined, { email: 'a@x.com', openTickets: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AssignmentRaceError);
    expect((error as AssignmentRaceError).agent).toBe('a@x.com');
  });

  it('finds the guard after the idempotency claim, and still returns the first ticket when the claim was used', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'None', 'None', 'ConditionalCheckFailed'))
      .rejectsOnce(cancelled('None', 'None', 'ConditionalCheckFailed', 'None'));
    dynamo.on(GetCommand).resolves({ Item: { ticketKey: 'SD-7' } });
    const guard = { email: 'a@x.com', openTickets: 2 };
    await expect(store.createTicket(aTicket({ assignee: 'a@x.com' }), event, claim, guard)).rejects.toBeInstanceOf(AssignmentRaceError);
    expect(transactItems()[3]!.Update!.ConditionExpression).toBe('openTickets = :expected');
    await expect(store.createTicket(aTicket({ assignee: 'a@x.com' }), event, claim, guard)).resolves.toEqual({ created: false, ticketKey: 'SD-7' });
  });

  it('prefers the idempotent replay when both the claim and the guard failed', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed', 'ConditionalCheckFailed'));
    dynamo.on(GetCommand).resolves({ Item: { ticketKey: 'SD-7' } });
    await expect(store.createTicket(aTicket({ assignee: 'a@x.com' }), event, claim, { email: 'a@x.com', openTickets: 2 })).resolves.toEqual({ created: false, ticketKey: 'SD-7' });
  });

  it('reports a taken ticket key as a conflict, not a race, even with a guard', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'));
    const error = await store.createTicket(aTicket({ assignee: 'a@x.com' }), event, undefined, { email: 'a@x.com', openTickets: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(AssignmentRaceError);
  });

  it('tries again when only concurrent transactions on a shared counter cancelled the create', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'None', 'TransactionConflict'))
      .resolves({});
    await expect(store.createTicket(aTicket({ assignee: 'a@x.com' }), event)).resolves.toMatchObject({ created: true });
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('gives up with a conflict when the counter stays contended', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'TransactionConflict'));
    await expect(store.createTicket(aTicket({ assignee: 'a@x.com' }), event)).rejects.toBeInstanceOf(ConflictError);
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 6);
  });
});

describe('workload counters in the save transaction', () => {
  const open = (overrides = {}) => aTicket({ status: 'open', version: 2, ...overrides });
  const next = (overrides = {}) => aTicket({ status: 'open', version: 3, updatedAt: later, ...overrides });

  it('moves one from the old to the new assignee on a reassign, leaving the desk counts alone', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.saveTicket(open({ assignee: 'a@x.com' }), next({ assignee: 'b@x.com' }), event);
    expect(transactItems().slice(2)).toEqual([decrement('a@x.com'), increment('b@x.com', later)]);
  });

  it('removes one when an assigned ticket is resolved, after the comment, from the agent and the desk', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const comment = { id: '01J', ticketKey: 'SD-1', author: { email: 'a@x.com', role: 'agent' as const }, public: true, body: 'Done', attachments: [], createdAt: later };
    await store.saveTicket(open({ assignee: 'a@x.com' }), next({ assignee: 'a@x.com', status: 'resolved' }), event, comment);
    expect(transactItems()).toHaveLength(5);
    expect(transactItems()[2]!.Put!.Item).toMatchObject({ SK: 'COMMENT#01J' });
    expect(transactItems()[3]).toEqual(decrement('a@x.com'));
    expect(transactItems()[4]).toEqual(deskCounts('it', { active: -1, 'level#l1#active': -1 }));
  });

  it('merges a breach with the workload change into one update of the agent item', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const breachedSla = {
      policy: 'p',
      version: 2,
      clocks: [
        {
          metric: 'resolution' as const,
          state: 'breached' as const,
          targetMinutes: 60,
          startedAt: at,
          asOf: later,
          consumedMinutes: 61,
          pausedMinutes: 0,
          running: true,
          due: {},
          firedThresholds: [100],
          breachedAt: later,
        },
      ],
    };
    await store.saveTicket(open(), next({ assignee: 'a@x.com', sla: breachedSla }), event, undefined, { email: 'a@x.com', openTickets: 3 });
    const agentItems = transactItems().filter((item) => (item.Update ?? item.ConditionCheck)?.Key?.PK === 'AGENT#a@x.com');
    expect(agentItems).toHaveLength(1);
    expect(agentItems[0]!.Update).toMatchObject({
      UpdateExpression: 'ADD openTickets :delta, #active :active, #breached :breached SET lastAssignedAt = :now, entity = :entity',
      ConditionExpression: 'openTickets = :expected',
      ExpressionAttributeValues: { ':delta': 1, ':active': 1, ':breached': 1, ':expected': 3 },
    });
    expect(transactItems().at(-1)).toEqual(deskCounts('it', { unassigned: -1, breached: 1, 'level#l1#unassigned': -1 }));
  });

  it('puts the guard on the counter update of an agent whose queue counts move without the workload', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const atRisk = {
      policy: 'p',
      version: 2,
      clocks: [{ metric: 'resolution' as const, state: 'at_risk' as const, targetMinutes: 60, startedAt: at, asOf: later, consumedMinutes: 50, pausedMinutes: 0, running: true, due: {}, firedThresholds: [75] }],
    };
    await store.saveTicket(open({ assignee: 'a@x.com' }), next({ assignee: 'a@x.com', sla: atRisk }), event, undefined, { email: 'a@x.com', openTickets: 1 });
    expect(transactItems().filter((item) => 'ConditionCheck' in item)).toEqual([]);
    expect(transactItems()[2]!.Update).toMatchObject({ UpdateExpression: 'ADD #atRisk :atRisk SET entity = :entity', ConditionExpression: 'openTickets = :expected' });
  });

  it('tries a save again when only a counter item was held by another transaction', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'None', 'TransactionConflict', 'TransactionConflict'))
      .resolves({});
    await expect(store.saveTicket(open({ assignee: 'a@x.com' }), next({ assignee: 'b@x.com' }), event)).resolves.toMatchObject({ assignee: 'b@x.com' });
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('leaves a conflict on the ticket itself to the caller, which reads the ticket again', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None', 'TransactionConflict'));
    await expect(store.saveTicket(open({ assignee: 'a@x.com' }), next({ assignee: 'b@x.com' }), event)).rejects.toBeInstanceOf(ConflictError);
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it('gives a save up with a conflict when a counter stays contended', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'TransactionConflict'));
    await expect(store.saveTicket(open({ assignee: 'a@x.com' }), next({ assignee: 'b@x.com' }), event)).rejects.toBeInstanceOf(ConflictError);
    expect(dynamo).toHaveReceivedCommandTimes(TransactWriteCommand, 6);
  });

  it('writes no counter when no count changes', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.saveTicket(open({ assignee: 'a@x.com' }), next({ assignee: 'a@x.com', status: 'pending' }), event);
    expect(transactItems()).toHaveLength(2);
  });

  it('still reports a stale version first when the guard also failed', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'));
    await expect(store.saveTicket(open(), next({ assignee: 'b@x.com' }), event, undefined, { email: 'b@x.com', openTickets: 0 })).rejects.toBeInstanceOf(StaleVersionError);
  });

  it('reports a failed guard alone as an assignment race', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed'));
    await expect(store.saveTicket(open(), next({ assignee: 'b@x.com' }), event, undefined, { email: 'b@x.com', openTickets: 0 })).rejects.toBeInstanceOf(AssignmentRaceError);
    expect(transactItems()[2]!.Update).toMatchObject({ Key: { PK: 'AGENT#b@x.com' }, ConditionExpression: 'attribute_not_exists(openTickets) OR openTickets = :expected' });
  });
});
