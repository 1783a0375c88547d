import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent } from '../../domain/history.ts';
import type { PendingApproval } from '../../domain/pending-approvals.ts';
import type { Comment, Ticket } from '../../domain/ticket.ts';
import { ACTIVE_STATUSES, isActive, type TicketStatus } from '../../domain/ticket-status.ts';
import type { ClaimRecord, Page, TicketActivity, TicketHistoryPage, TicketListQuery, TicketReader } from '../../ports/ticket-store.ts';
import { cursorMismatch, decodeCursor, encodeCursor, type PartitionPosition } from '../../store/cursor.ts';
import {
  approverInboxPartition,
  assigneeWorkPartition,
  commentKey,
  deskDuePartition,
  deskQueuePartition,
  HISTORY_PREFIX,
  idempotencyKey,
  queueOrderPrefix,
  requesterPartition,
  TICKET_SK,
  ticketKey,
  ticketPartition,
} from '../../store/keys.ts';
import type { IndexName } from '../../store/table-definition.ts';
import { queryAll } from './query-all.ts';
import { entityOf, toComment, toHistoryEvent, toPendingApproval, toTicket } from './ticket-items.ts';

type Item = Record<string, unknown>;

/** Upper bound of reads one partition may spend filling a page, so a selective filter stays cheap. */
const MAX_QUERIES_PER_PARTITION = 5;

/**
 * A filtered read (some active statuses, a level, SLA attention) evaluates this many items per
 * page asked for, so the page usually fills in one round trip: a read unit costs a fifth of a
 * write unit and an eventually consistent one covers 4 KB, while every extra round trip is latency.
 */
const FILTERED_READ_FACTOR = 4;

interface IndexPartition {
  index: IndexName;
  partitionKey: string;
  partitionValue: string;
  sortKey: string;
  /** Only sort keys that start with this (one priority of a queue): a key condition, not a filter. */
  sortKeyPrefix?: string;
  descending: boolean;
}

interface PartitionRead {
  items: Item[];
  /** Where the read stopped when the partition has more; undefined when it is exhausted. */
  lastKey?: Record<string, string>;
}

/**
 * The ticket store's reads on one DynamoDB table (see shared/store/ACCESS-PATTERNS.md): all a read
 * route bundles, without the transactions, counters and approval inbox of the writes.
 */
export class DynamoDbTicketReader implements TicketReader {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async getTicket(key: string): Promise<Ticket | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: ticketKey(key), ConsistentRead: true }));
    return result.Item ? toTicket(result.Item) : undefined;
  }

  async getTicketActivity(key: string): Promise<TicketActivity | undefined> {
    let ticket: Ticket | undefined;
    const comments: Comment[] = [];
    const history: HistoryEvent[] = [];
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': ticketPartition(key) },
      ConsistentRead: true,
    });
    for (const item of items) {
      const entity = entityOf(item);
      if (entity === 'ticket') ticket = toTicket(item);
      else if (entity === 'comment') comments.push(toComment(item));
      else if (entity === 'history') history.push(toHistoryEvent(item));
    }
    return ticket ? { ticket, comments, history } : undefined;
  }

  async listPendingApprovals(approver: string, options: { cursor?: string; limit: number }): Promise<Page<PendingApproval>> {
    const partition: IndexPartition = { index: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', partitionValue: approverInboxPartition(approver), descending: false };
    const [position] = decodeCursor(options.cursor, 1);
    assertCursorBelongs(position ?? null, partition);
    if (position === 'done') return { items: [] };
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: partition.index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partition.partitionKey },
        ExpressionAttributeValues: { ':pk': partition.partitionValue },
        ...(position ? { ExclusiveStartKey: position } : {}),
        Limit: options.limit,
      }),
    );
    const items = (page.Items ?? []).map(toPendingApproval);
    return page.LastEvaluatedKey ? { items, nextCursor: encodeCursor([keyOf(page.LastEvaluatedKey, partition)]) } : { items };
  }

  async findClaim(caller: string, key: string): Promise<ClaimRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(caller, key), ConsistentRead: true }));
    const item = result.Item;
    if (typeof item?.ticketKey !== 'string') return undefined;
    return {
      ticketKey: item.ticketKey,
      ...(typeof item.commentId === 'string' ? { commentId: item.commentId } : {}),
      ...(typeof item.fingerprint === 'string' ? { fingerprint: item.fingerprint } : {}),
      ...(item.answer && typeof item.answer === 'object' ? { answer: toTicket(item.answer as Item) } : {}),
      ...(typeof item.source === 'string' ? { source: item.source } : {}),
    };
  }

  async getComment(key: string, commentId: string): Promise<Comment | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: commentKey(key, commentId), ConsistentRead: true }));
    return result.Item ? toComment(result.Item) : undefined;
  }

  async getTicketHistory(key: string, options: { cursor?: string; limit: number }): Promise<TicketHistoryPage | undefined> {
    const [position] = decodeCursor(options.cursor, 1);
    if (position && position !== 'done' && !isHistoryPosition(position, key)) throw cursorMismatch();
    if (!position) {
      // The ticket item sorts first in this range and its history right after it: one Query.
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ticket)',
          ExpressionAttributeValues: { ':pk': ticketPartition(key), ':ticket': TICKET_SK },
          ConsistentRead: true,
          Limit: options.limit + 1,
        }),
      );
      const [first, ...events] = page.Items ?? [];
      if (!first || first.SK !== TICKET_SK) return undefined;
      return { ticket: toTicket(first), history: historyPage(events, page.LastEvaluatedKey) };
    }
    // A later page resumes after a history event, past the ticket item: read both side by side.
    const [ticket, page] = await Promise.all([
      this.getTicket(key),
      position === 'done'
        ? undefined
        : this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
              ExpressionAttributeValues: { ':pk': ticketPartition(key), ':prefix': HISTORY_PREFIX },
              ExclusiveStartKey: position,
              Limit: options.limit,
            }),
          ),
    ]);
    if (!ticket) return undefined;
    return { ticket, history: page ? historyPage(page.Items ?? [], page.LastEvaluatedKey) : { items: [] } };
  }

  async listTickets(query: TicketListQuery): Promise<Page<Ticket>> {
    const partitions = this.partitionsFor(query);
    const positions = decodeCursor(query.cursor, partitions.length);
    partitions.forEach((partition, index) => assertCursorBelongs(positions[index] ?? null, partition));
    const filter = this.filterFor(query);

    const reads = await Promise.all(partitions.map((partition, index) => this.readPartition(partition, positions[index] ?? null, filter, query.limit)));

    // Merge the partitions in index order. An item may be returned only if no unread part of
    // another partition could still hold an item that sorts before it (its frontier).
    const order = (item: Item, partition: IndexPartition) => String(item[partition.sortKey]);
    const descending = partitions[0]?.descending ?? false;
    const before = (a: string, b: string) => (descending ? a > b : a < b);
    let frontier: string | undefined;
    reads.forEach((read, index) => {
      const partition = partitions[index]!;
      if (!read?.lastKey) return;
      const edge = read.lastKey[partition.sortKey]!;
      if (frontier === undefined || before(edge, frontier)) frontier = edge;
    });
    const candidates = reads
      .flatMap((read, index) => (read?.items ?? []).map((item) => ({ item, index, order: order(item, partitions[index]!) })))
      .filter((candidate) => frontier === undefined || !before(frontier, candidate.order))
      .sort((a, b) => (a.order === b.order ? 0 : before(a.order, b.order) ? -1 : 1));
    const taken = candidates.slice(0, query.limit);

    const next: PartitionPosition[] = reads.map((read, index) => {
      const previous = positions[index] ?? null;
      if (!read) return previous; // partition was already done
      const takenHere = taken.filter((candidate) => candidate.index === index);
      if (takenHere.length === read.items.length) return read.lastKey ?? 'done';
      const last = takenHere.at(-1);
      return last ? keyOf(last.item, partitions[index]!) : previous;
    });
    const items = taken.map((candidate) => toTicket(candidate.item));
    return next.every((position) => position === 'done') ? { items } : { items, nextCursor: encodeCursor(next) };
  }

  private partitionsFor(query: TicketListQuery): IndexPartition[] {
    if (query.order === 'due') {
      // Active tickets only, one partition per desk: the named desk, or every desk the caller sees.
      if (query.requester) throw new Error('listTickets lists desks or an assignee by due date, not a requester');
      const desks = query.desk ? [query.desk] : query.visibleDesks;
      if (!desks) throw new Error('listTickets by due date needs a desk or the visible desks');
      return desks
        .filter((desk) => !query.visibleDesks || query.visibleDesks.includes(desk))
        .map((desk) => ({ index: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK', partitionValue: deskDuePartition(desk), descending: false }));
    }
    if (query.requester) {
      return [{ index: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', partitionValue: requesterPartition(query.requester), descending: true }];
    }
    // Active statuses share one partition (one ordered queue), resolved and closed have one each.
    // One priority is a range of the priority-ordered sort key.
    const sortKeyPrefix = keyedPriority(query);
    const perStatus = (index: 'GSI1' | 'GSI2', partitionOf: (status: TicketStatus) => string): IndexPartition[] =>
      [...new Set(query.statuses.map(partitionOf))].map((partitionValue) => ({
        index,
        partitionKey: `${index}PK`,
        sortKey: `${index}SK`,
        partitionValue,
        ...(sortKeyPrefix ? { sortKeyPrefix } : {}),
        descending: false,
      }));
    const { assignee, desk } = query;
    if (assignee) return perStatus('GSI2', (status) => assigneeWorkPartition(assignee, status));
    if (desk) return perStatus('GSI1', (status) => deskQueuePartition(desk, status));
    throw new Error('listTickets needs a desk, an assignee or a requester');
  }

  /** Conditions the chosen index does not already express. */
  private filterFor(query: TicketListQuery): Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const byDue = query.order === 'due';
    const inList = (name: string, list: readonly string[]) => list.map((value, i) => ((values[`:${name}${i}`] = value), `:${name}${i}`)).join(', ');
    // A requester's partition holds every status; an active partition needs a filter for some of them.
    if (query.requester || namesSomeActiveStatuses(query.statuses)) {
      names['#status'] = 'status';
      conditions.push(`#status IN (${inList('status', query.statuses)})`);
    }
    // The assignee selects the index, except in a requester's partition and the desks' due partitions.
    if ((query.requester || byDue) && query.assignee) {
      conditions.push('assignee = :assignee');
      values[':assignee'] = query.assignee;
    }
    if (query.unassigned) conditions.push('attribute_not_exists(assignee)');
    if (query.sla) {
      conditions.push('slaAttention = :sla');
      values[':sla'] = query.sla;
    }
    if (query.level) {
      conditions.push('#level = :level');
      names['#level'] = 'level';
      values[':level'] = query.level;
    }
    if (query.priorities?.length && !keyedPriority(query)) {
      names['#priority'] = 'priority';
      conditions.push(`#priority IN (${inList('priority', query.priorities)})`);
    }
    if (query.channel) {
      names['#channel'] = 'channel';
      conditions.push('#channel = :channel');
      values[':channel'] = query.channel;
    }
    if (query.catalogItem) {
      names['#catalogItem'] = 'catalogItem';
      conditions.push('#catalogItem = :catalogItem');
      values[':catalogItem'] = query.catalogItem;
    }
    if (query.desk && !byDue && (query.requester || query.assignee)) {
      conditions.push('desk = :desk');
      values[':desk'] = query.desk;
    }
    // A desk the caller may see, named by the query, already implies the visible-desks condition;
    // due partitions are read only for desks the caller sees.
    if (query.visibleDesks && !byDue && !(query.desk && query.visibleDesks.includes(query.desk))) {
      const list = query.visibleDesks.map((desk, i) => ((values[`:visible${i}`] = desk), `:visible${i}`));
      conditions.push(list.length ? `desk IN (${list.join(', ')})` : 'attribute_not_exists(PK)');
    }
    if (conditions.length === 0) return {};
    return {
      FilterExpression: conditions.join(' AND '),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    };
  }

  private async readPartition(partition: IndexPartition, position: PartitionPosition, filter: ReturnType<DynamoDbTicketReader['filterFor']>, limit: number): Promise<PartitionRead | undefined> {
    if (position === 'done') return undefined;
    const items: Item[] = [];
    let startKey: Record<string, string> | undefined = position ?? undefined;
    for (let reads = 0; reads < MAX_QUERIES_PER_PARTITION; reads++) {
      const prefix = partition.sortKeyPrefix;
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: partition.index,
          KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
          ...filter,
          ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, '#pk': partition.partitionKey, ...(prefix ? { '#sk': partition.sortKey } : {}) },
          ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':pk': partition.partitionValue, ...(prefix ? { ':prefix': prefix } : {}) },
          ScanIndexForward: !partition.descending,
          ExclusiveStartKey: startKey,
          Limit: filter.FilterExpression ? limit * FILTERED_READ_FACTOR : limit,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey as Record<string, string> | undefined;
      if (!startKey) return { items };
      if (items.length >= limit) {
        // Keep only what fits; the read resumes after the last kept item.
        const kept = items.slice(0, limit);
        return { items: kept, lastKey: keyOf(kept.at(-1)!, partition) };
      }
    }
    return { items, lastKey: startKey };
  }
}

/** The sort key prefix of a single priority asked for in priority order; several are a filter. */
function keyedPriority(query: TicketListQuery): string | undefined {
  if (query.order === 'due' || query.requester || query.priorities?.length !== 1) return undefined;
  return queueOrderPrefix(query.priorities[0]!);
}

/** Some but not all active statuses: the shared active partition needs a status filter. */
function namesSomeActiveStatuses(statuses: readonly TicketStatus[]): boolean {
  return statuses.some(isActive) && !ACTIVE_STATUSES.every((status) => statuses.includes(status));
}

function historyPage(items: Item[], lastEvaluatedKey: Record<string, unknown> | undefined): Page<HistoryEvent> {
  const events = items.map(toHistoryEvent);
  return lastEvaluatedKey ? { items: events, nextCursor: encodeCursor([lastEvaluatedKey as Record<string, string>]) } : { items: events };
}

/** The ExclusiveStartKey that resumes an index read right after `item`. */
function keyOf(item: Item, partition: IndexPartition): Record<string, string> {
  return {
    PK: String(item.PK),
    SK: String(item.SK),
    [partition.partitionKey]: String(item[partition.partitionKey]),
    [partition.sortKey]: String(item[partition.sortKey]),
  };
}

/** A history cursor resumes after a history event of this ticket: the table's key, nothing else. */
function isHistoryPosition(position: Record<string, string>, key: string): boolean {
  const keys = Object.keys(position).sort().join(',');
  return keys === 'PK,SK' && position.PK === ticketPartition(key) && position.SK!.startsWith(HISTORY_PREFIX);
}

/** A cursor may only resume the partition it was made for. */
function assertCursorBelongs(position: PartitionPosition, partition: IndexPartition): void {
  if (position === null || position === 'done') return;
  const keys = Object.keys(position).sort().join(',');
  const expected = ['PK', 'SK', partition.partitionKey, partition.sortKey].sort().join(',');
  if (keys !== expected || position[partition.partitionKey] !== partition.partitionValue) throw cursorMismatch();
  if (partition.sortKeyPrefix && !position[partition.sortKey]!.startsWith(partition.sortKeyPrefix)) throw cursorMismatch();
}
