import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbTicketStore } from '../../../shared/adapters/dynamodb/dynamodb-ticket-store.ts';
import { ticketItem } from '../../../shared/adapters/dynamodb/ticket-items.ts';
import type { HistoryEvent } from '../../../shared/domain/history.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { AlreadyRecordedError, ItemTooLargeError, StaleVersionError } from '../../../shared/ports/ticket-store.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const dynamo = mockClient(documentClient);
const store = new DynamoDbTicketStore(documentClient, 'desk-table');

const event: HistoryEvent = { id: '01H', ticketKey: 'SD-1', at: '2026-11-02T09:00:00.000Z', actor: { kind: 'system', id: 'test' }, action: 'updated', changes: [] };

const cancelled = (...codes: string[]) => new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

beforeEach(() => dynamo.reset());

describe('the DynamoDB ticket store', () => {
  it('takes ticket numbers from an atomic counter', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { value: 42 } });
    await expect(store.nextNumber('SD')).resolves.toBe(42);
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, { Key: { PK: 'COUNTER#SD', SK: 'COUNTER' }, UpdateExpression: 'ADD #value :one SET entity = :entity' });
  });

  it('writes a ticket only where none exists, with its history, in one transaction', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.createTicket(aTicket(), event);
    const input = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input;
    expect(input.TransactItems).toHaveLength(3);
    expect(input.TransactItems![0]!.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(PK)', Item: { PK: 'TICKET#SD-1', SK: 'TICKET', GSI1PK: 'DESK#it#ACTIVE' } });
    expect(input.TransactItems![2]!.Update).toMatchObject({ Key: { PK: 'DESK#it', SK: 'QUEUE_COUNTS' } });
  });

  it('returns the first ticket when an idempotency key was already used', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed'));
    dynamo.on(GetCommand).resolves({ Item: { ticketKey: 'SD-7' } });
    await expect(store.createTicket(aTicket({ key: 'SD-8' }), event, { caller: 'user:u1', key: 'k1', expiresAt: 1 })).resolves.toEqual({ created: false, ticketKey: 'SD-7' });
    expect(dynamo).toHaveReceivedCommandWith(GetCommand, { Key: { PK: 'IDEMPOTENCY#user:u1#k1', SK: 'IDEMPOTENCY' } });
  });

  it("reports an item over DynamoDB's size limit as such, not as a conflict to retry", async () => {
    const tooLarge = Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' });
    dynamo.on(TransactWriteCommand).rejects(tooLarge);
    await expect(store.createTicket(aTicket(), event)).rejects.toBeInstanceOf(ItemTooLargeError);
    await expect(store.saveTicket(aTicket({ version: 2 }), aTicket({ version: 3 }), event)).rejects.toBeInstanceOf(ItemTooLargeError);
    dynamo
      .on(TransactWriteCommand)
      .rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ValidationError', Message: 'Item size has exceeded the maximum allowed size' }] }));
    await expect(store.saveTicket(aTicket({ version: 2 }), aTicket({ version: 3 }), event)).rejects.toBeInstanceOf(ItemTooLargeError);
  });

  it('saves only over the version it read, and reports a lost race as a stale version', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    await expect(store.saveTicket(aTicket({ version: 2 }), aTicket({ version: 3 }), event)).rejects.toBeInstanceOf(StaleVersionError);
    const put = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!;
    expect(put.ConditionExpression).toBe('version = :expected');
    expect(put.ExpressionAttributeValues).toEqual({ ':expected': 2 });
  });

  it("records the comment an Idempotency-Key added in the claim, in the comment's own transaction", async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const comment = { id: '01C', ticketKey: 'SD-1', author: { email: 'a@example.com', role: 'agent' as const }, public: true, body: 'Hi', attachments: [], createdAt: '2026-11-02T09:00:00.000Z' };
    const claim = { caller: 'user:u1', key: 'comment:SD-1:k1', expiresAt: 1 };
    await store.saveTicket(aTicket({ version: 2 }), aTicket({ version: 3 }), event, comment, undefined, claim);
    const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[3]!.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(PK)', Item: { PK: 'IDEMPOTENCY#user:u1#comment:SD-1:k1', ticketKey: 'SD-1', commentId: '01C' } });

    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'ConditionalCheckFailed'));
    await expect(store.saveTicket(aTicket({ version: 2 }), aTicket({ version: 3 }), event, comment, undefined, claim)).rejects.toBeInstanceOf(AlreadyRecordedError);
    dynamo.on(GetCommand).resolves({ Item: { ticketKey: 'SD-1', commentId: '01C' } });
    await expect(store.findClaim('user:u1', 'comment:SD-1:k1')).resolves.toEqual({ ticketKey: 'SD-1', commentId: '01C' });
  });

  it('reports a transaction conflict as a retryable conflict', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    await expect(store.saveTicket(aTicket({ version: 2 }), aTicket({ version: 3 }), event)).rejects.toBeInstanceOf(ConflictError);
  });

  it('drops the assignee index keys when a ticket is unassigned', () => {
    expect(ticketItem(aTicket({ assignee: 'a@example.com' }))).toMatchObject({ GSI2PK: 'ASSIGNEE#a@example.com#ACTIVE' });
    expect(ticketItem(aTicket())).not.toHaveProperty('GSI2PK');
  });

  it('keeps every active ticket of a desk in one queue partition, and each later status in its own', () => {
    expect(ticketItem(aTicket({ status: 'pending_approval' }))).toMatchObject({ GSI1PK: 'DESK#it#ACTIVE' });
    expect(ticketItem(aTicket({ status: 'on_hold' }))).toMatchObject({ GSI1PK: 'DESK#it#ACTIVE' });
    expect(ticketItem(aTicket({ status: 'resolved' }))).toMatchObject({ GSI1PK: 'DESK#it#STATUS#resolved' });
    expect(ticketItem(aTicket({ status: 'closed', assignee: 'a@example.com' }))).toMatchObject({ GSI1PK: 'DESK#it#STATUS#closed', GSI2PK: 'ASSIGNEE#a@example.com#STATUS#closed' });
  });

  it('reads the active queue with one Query and no status filter', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [ticketItem(aTicket())] });
    const page = await store.listTickets({ desk: 'it', statuses: ['pending_approval', 'new', 'open', 'pending', 'on_hold'], limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(dynamo).toHaveReceivedCommandTimes(QueryCommand, 1);
    const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input.ExpressionAttributeValues).toEqual({ ':pk': 'DESK#it#ACTIVE' });
    expect(input.FilterExpression).toBeUndefined();
  });

  it('filters the active queue by status when only some active statuses are asked for', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await store.listTickets({ assignee: 'a@example.com', statuses: ['new', 'pending'], limit: 10 });
    expect(dynamo).toHaveReceivedCommandTimes(QueryCommand, 1);
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI2',
      FilterExpression: '#status IN (:status0, :status1)',
      ExpressionAttributeValues: { ':pk': 'ASSIGNEE#a@example.com#ACTIVE', ':status0': 'new', ':status1': 'pending' },
      // A filtered read evaluates four pages' worth so the page usually fills in one round trip.
      Limit: 40,
    });
  });

  it('leaves out the visible-desks condition when the query names one of those desks', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await store.listTickets({ desk: 'it', statuses: ['new', 'open', 'pending', 'on_hold', 'pending_approval'], visibleDesks: ['it', 'facilities'], limit: 10 });
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ Limit: 10, ExpressionAttributeValues: { ':pk': 'DESK#it#ACTIVE' } });
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input.FilterExpression).toBeUndefined();
    await store.listTickets({ assignee: 'a@example.com', statuses: ['resolved'], visibleDesks: ['it'], limit: 10 });
    expect(dynamo.commandCalls(QueryCommand)[1]!.args[0].input.FilterExpression).toBe('desk IN (:visible0)');
  });

  it('reads a ticket and the first page of its history with one Query, and later pages beside the ticket', async () => {
    const history = (id: string) => ({ PK: 'TICKET#SD-1', SK: `TICKET#HISTORY#${id}`, entity: 'history', id, at: '2026-01-01T00:00:00.000Z', actor: 'a', action: 'commented', changes: [] });
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'TICKET#SD-1', ':ticket': 'TICKET' } }).resolves({
      Items: [ticketItem(aTicket()), history('01A'), history('01B')],
      LastEvaluatedKey: { PK: 'TICKET#SD-1', SK: 'TICKET#HISTORY#01B' },
    });
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'TICKET#SD-1', ':prefix': 'TICKET#HISTORY#' } }).resolves({ Items: [history('01C')] });
    dynamo.on(GetCommand).resolves({ Item: ticketItem(aTicket()) });

    const first = await store.getTicketHistory('SD-1', { limit: 2 });
    expect(first?.ticket.key).toBe('SD-1');
    expect(first?.history.items.map((event) => event.id)).toEqual(['01A', '01B']);
    expect(dynamo).toHaveReceivedCommandTimes(QueryCommand, 1);
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, { Limit: 3, ConsistentRead: true, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ticket)' });
    expect(dynamo).not.toHaveReceivedCommand(GetCommand);

    const second = await store.getTicketHistory('SD-1', { limit: 2, cursor: first!.history.nextCursor! });
    expect(second?.history.items.map((event) => event.id)).toEqual(['01C']);
    expect(second?.history.nextCursor).toBeUndefined();
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: { PK: 'TICKET#SD-1', SK: 'TICKET#HISTORY#01B' } });
    expect(dynamo).toHaveReceivedCommandTimes(GetCommand, 1);
  });

  it('finds no history where the partition holds no ticket', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await expect(store.getTicketHistory('SD-404', { limit: 10 })).resolves.toBeUndefined();
  });

  it('merges the partitions of a queue by priority then age, and resumes from the cursor', async () => {
    const resolvedTickets = [aTicket({ key: 'SD-1', status: 'resolved', priority: 'P2' }), aTicket({ key: 'SD-3', status: 'resolved', priority: 'P4' })].map(ticketItem);
    const openTickets = [aTicket({ key: 'SD-2', status: 'open', priority: 'P1' }), aTicket({ key: 'SD-4', status: 'open', priority: 'P3' })].map(ticketItem);
    const partition = (items: Record<string, unknown>[]) => (input: { ExclusiveStartKey?: Record<string, string>; Limit?: number }) => {
      const start = input.ExclusiveStartKey ? items.findIndex((item) => item.PK === input.ExclusiveStartKey!.PK) + 1 : 0;
      const page = items.slice(start, start + (input.Limit ?? 100));
      const more = start + page.length < items.length;
      return { Items: page, ...(more ? { LastEvaluatedKey: { PK: page.at(-1)!.PK, SK: 'TICKET', GSI1PK: page.at(-1)!.GSI1PK, GSI1SK: page.at(-1)!.GSI1SK } } : {}) };
    };
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'DESK#it#STATUS#resolved' } }).callsFake(partition(resolvedTickets));
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'DESK#it#ACTIVE' } }).callsFake(partition(openTickets));

    const first = await store.listTickets({ desk: 'it', statuses: ['open', 'resolved'], limit: 3 });
    expect(first.items.map((ticket) => ticket.key)).toEqual(['SD-2', 'SD-1', 'SD-4']);
    expect(first.nextCursor).toBeDefined();
    const second = await store.listTickets({ desk: 'it', statuses: ['open', 'resolved'], limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((ticket) => ticket.key)).toEqual(['SD-3']);
    expect(second.nextCursor).toBeUndefined();
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'GSI1', ScanIndexForward: true });
  });

  it('refuses a cursor made for another desk', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [ticketItem(aTicket())], LastEvaluatedKey: { PK: 'TICKET#SD-1', SK: 'TICKET', GSI1PK: 'DESK#it#ACTIVE', GSI1SK: 'x' } });
    const page = await store.listTickets({ desk: 'it', statuses: ['new'], limit: 1 });
    await expect(store.listTickets({ desk: 'hr', statuses: ['new'], limit: 1, cursor: page.nextCursor! })).rejects.toThrow('Invalid cursor');
  });

  it('filters a requester list by status and visible desks without scanning', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await store.listTickets({ requester: 'rita@example.org', statuses: ['open'], visibleDesks: ['it'], limit: 10 });
    expect(dynamo).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI3',
      ScanIndexForward: false,
      FilterExpression: '#status IN (:status0) AND desk IN (:visible0)',
    });
  });

  it('reads one priority of a queue as a range of its sort key, and several with a filter', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const active = ['pending_approval', 'new', 'open', 'pending', 'on_hold'] as const;
    await store.listTickets({ desk: 'it', statuses: active, priorities: ['P1'], limit: 10 });
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
      ExpressionAttributeValues: { ':pk': 'DESK#it#ACTIVE', ':prefix': 'P1#' },
      Limit: 10,
    });
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input.FilterExpression).toBeUndefined();
    await store.listTickets({ desk: 'it', statuses: active, priorities: ['P1', 'P2'], channel: 'email', catalogItem: 'it-vpn', unassigned: true, limit: 10 });
    expect(dynamo.commandCalls(QueryCommand)[1]!.args[0].input).toMatchObject({
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: 'attribute_not_exists(assignee) AND #priority IN (:priority0, :priority1) AND #channel = :channel AND #catalogItem = :catalogItem',
      ExpressionAttributeValues: { ':pk': 'DESK#it#ACTIVE', ':priority0': 'P1', ':priority1': 'P2', ':channel': 'email', ':catalogItem': 'it-vpn' },
    });
  });

  it("refuses a cursor of another priority's range", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [ticketItem(aTicket({ priority: 'P1' }))], LastEvaluatedKey: { PK: 'TICKET#SD-1', SK: 'TICKET', GSI1PK: 'DESK#it#ACTIVE', GSI1SK: 'P1#x' } });
    const page = await store.listTickets({ desk: 'it', statuses: ['new'], priorities: ['P1'], limit: 1 });
    await expect(store.listTickets({ desk: 'it', statuses: ['new'], priorities: ['P2'], limit: 1, cursor: page.nextCursor! })).rejects.toThrow('Invalid cursor');
  });

  it('reads a desk by due date from its one due partition, filtering priorities', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await store.listTickets({ desk: 'it', statuses: ['pending_approval', 'new', 'open', 'pending', 'on_hold'], priorities: ['P1'], order: 'due', visibleDesks: ['it', 'facilities'], limit: 10 });
    expect(dynamo).toHaveReceivedCommandTimes(QueryCommand, 1);
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'GSI4',
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: '#priority IN (:priority0)',
      ExpressionAttributeValues: { ':pk': 'DESK#it#DUE', ':priority0': 'P1' },
    });
  });

  it("reads an agent's work by due date from the due partitions of the visible desks, merged by deadline", async () => {
    const due = (key: string, deadline: string) => ({ ...ticketItem(aTicket({ key, assignee: 'a@example.com' })), GSI4SK: `${deadline}#P3#2026-11-02T09:00:00.000Z#${key}` });
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'DESK#it#DUE', ':assignee': 'a@example.com' } }).resolves({ Items: [due('SD-1', '2026-11-02T10:00:00.000Z'), due('SD-3', '~')] });
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'DESK#facilities#DUE', ':assignee': 'a@example.com' } }).resolves({ Items: [due('FA-2', '2026-11-02T09:30:00.000Z')] });
    const page = await store.listTickets({ assignee: 'a@example.com', statuses: ['pending_approval', 'new', 'open', 'pending', 'on_hold'], order: 'due', visibleDesks: ['it', 'facilities'], limit: 10 });
    expect(page.items.map((ticket) => ticket.key)).toEqual(['FA-2', 'SD-1', 'SD-3']);
    expect(dynamo).toHaveReceivedCommandTimes(QueryCommand, 2);
    for (const call of dynamo.commandCalls(QueryCommand)) {
      expect(call.args[0].input).toMatchObject({ IndexName: 'GSI4', FilterExpression: 'assignee = :assignee' });
    }
  });
});
