import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent } from '../../domain/history.ts';
import { pendingApprovals } from '../../domain/pending-approvals.ts';
import type { Comment, Ticket } from '../../domain/ticket.ts';
import { queueCountChanges } from '../../domain/queue-counts.ts';
import { workloadChanges } from '../../domain/workload.ts';
import { ConflictError } from '../../errors.ts';
import { AssignmentRaceError, type WorkloadGuard } from '../../ports/assignment-store.ts';
import { AlreadyRecordedError, ItemTooLargeError, StaleVersionError, type CreateTicketOutcome, type IdempotencyClaim, type TicketStore } from '../../ports/ticket-store.ts';
import { counterKey, idempotencyKey } from '../../store/keys.ts';
import type { TransactItem } from './document-client.ts';
import { workloadTransactItems } from './dynamodb-assignment-store.ts';
import { deskCountTransactItems } from './dynamodb-queue-counts.ts';
import { DynamoDbTicketReader } from './dynamodb-ticket-reader.ts';
import { commentItem, historyItem, packedTicket, pendingApprovalItem, settledApprovalItem, ticketItem } from './ticket-items.ts';

/**
 * Creates that lost only to concurrent transactions on a shared item, and saves that lost only on
 * a counter item (an agent's or a desk's), try again: a cancelled transaction wrote nothing. Every
 * change of a desk's active tickets writes the desk's counter item, so a busy desk's transactions
 * meet there more often than on an agent's.
 */
const MAX_COUNTER_CONFLICT_ATTEMPTS = 6;

/** A random pause before trying a cancelled transaction again, doubling after each try (at most 20, 40, ... 320 ms). */
const pauseBeforeRetry = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));

const reasonCodes = (error: TransactionCanceledException): (string | undefined)[] => (error.CancellationReasons ?? []).map((reason) => reason.Code);

const CONDITION_FAILED = 'ConditionalCheckFailed';

/** DynamoDB's answer to an item over 400 KB: a ValidationException, or a cancelled transaction whose reason says so. */
function isItemTooLarge(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sizeMessage = (message: string | undefined) => /item size (has )?exceeded|maximum allowed size/i.test(message ?? '');
  if (error.name === 'ValidationException') return sizeMessage(error.message);
  return error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ValidationError' && sizeMessage(reason.Message));
}

/** Whether the guard's condition, and no other, cancelled the transaction. */
const onlyGuardFailed = (codes: (string | undefined)[], guardIndex: number | undefined): boolean =>
  guardIndex !== undefined && codes[guardIndex] === CONDITION_FAILED && codes.every((code, index) => index === guardIndex || code !== CONDITION_FAILED);

/** Cancelled only because other transactions held some of its items: nothing was written. */
const onlyConflicts = (codes: (string | undefined)[]): boolean => codes.includes('TransactionConflict') && codes.every((code) => code === undefined || code === 'None' || code === 'TransactionConflict');

/** As onlyConflicts, and every conflict on a counter item (positions `counters.start` to `counters.end`, exclusive). */
const onlyCounterConflicts = (codes: (string | undefined)[], counters: { start: number; end: number }): boolean =>
  onlyConflicts(codes) && codes.every((code, index) => code !== 'TransactionConflict' || (index >= counters.start && index < counters.end));
/** The ticket store on one DynamoDB table (see shared/store/ACCESS-PATTERNS.md): its reads and its writes. */
export class DynamoDbTicketStore extends DynamoDbTicketReader implements TicketStore {
  async nextNumber(sequence: string): Promise<number> {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: counterKey(sequence),
        UpdateExpression: 'ADD #value :one SET entity = :entity',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'counter' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.value);
  }

  async createTicket(ticket: Ticket, events: HistoryEvent | readonly HistoryEvent[], idempotency?: IdempotencyClaim, guard?: WorkloadGuard): Promise<CreateTicketOutcome> {
    const items: TransactItem[] = [
      { Put: { TableName: this.tableName, Item: ticketItem(ticket), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...[events].flat().map((event) => ({ Put: { TableName: this.tableName, Item: historyItem(event) } })),
    ];
    let idempotencyIndex: number | undefined;
    if (idempotency) idempotencyIndex = items.push(this.claimPut(idempotency, ticket.key, undefined, idempotency.keepsAnswer ? ticket : undefined)) - 1;
    // The assignee's and the desk's counters move with the ticket, so they always agree.
    const counts = queueCountChanges(undefined, ticket);
    const workload = workloadTransactItems(this.tableName, workloadChanges(undefined, ticket), ticket.updatedAt, guard, counts.agents);
    const guardIndex = workload.guardIndex === undefined ? undefined : items.length + workload.guardIndex;
    items.push(...workload.items, ...deskCountTransactItems(this.tableName, counts.desks), ...this.approvalInboxChanges(undefined, ticket));

    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return { created: true, ticket };
      } catch (error) {
        if (isItemTooLarge(error)) throw new ItemTooLargeError(ticket.key);
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = reasonCodes(error);
        if (idempotencyIndex !== undefined && codes[idempotencyIndex] === CONDITION_FAILED) {
          const claim = await this.client.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(idempotency!.caller, idempotency!.key), ConsistentRead: true }));
          if (claim.Item) return { created: false, ticketKey: String(claim.Item.ticketKey) };
        }
        if (onlyGuardFailed(codes, guardIndex)) throw new AssignmentRaceError(guard!.email);
        if (onlyConflicts(codes) && attempt < MAX_COUNTER_CONFLICT_ATTEMPTS) {
          await pauseBeforeRetry(attempt);
          continue;
        }
        throw new ConflictError(`Ticket ${ticket.key} could not be created: ${codes.filter(Boolean).join(', ')}`);
      }
    }
  }

  saveTicket(previous: Ticket, ticket: Ticket, event: HistoryEvent, comment?: Comment, guard?: WorkloadGuard, claim?: IdempotencyClaim): Promise<Ticket> {
    return this.writeTicketChange(previous, ticket, event, comment ? { comment, existing: false } : undefined, guard, claim);
  }

  saveChangedComment(previous: Ticket, ticket: Ticket, event: HistoryEvent, comment: Comment): Promise<Ticket> {
    return this.writeTicketChange(previous, ticket, event, { comment, existing: true });
  }

  /** A ticket change with its history event, and a comment that is new (put once) or replaces an existing one. */
  private async writeTicketChange(previous: Ticket, ticket: Ticket, event: HistoryEvent, written?: { comment: Comment; existing: boolean }, guard?: WorkloadGuard, claim?: IdempotencyClaim): Promise<Ticket> {
    const comment = written?.comment;
    const expectedVersion = previous.version;
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: ticketItem(ticket),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      { Put: { TableName: this.tableName, Item: historyItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
    ];
    if (comment) {
      items.push({ Put: { TableName: this.tableName, Item: commentItem(comment), ConditionExpression: written.existing ? 'attribute_exists(PK)' : 'attribute_not_exists(PK)' } });
    }
    const claimIndex = claim ? items.push(this.claimPut(claim, ticket.key, comment?.id)) - 1 : undefined;
    // Assign, unassign, reassign, a status, level or desk change, or a new SLA state moves the
    // counters in the same transaction; a comment or a subject edit moves none.
    const counts = queueCountChanges(previous, ticket);
    const workload = workloadTransactItems(this.tableName, workloadChanges(previous, ticket), ticket.updatedAt, guard, counts.agents);
    const guardIndex = workload.guardIndex === undefined ? undefined : items.length + workload.guardIndex;
    const counters = { start: items.length, end: 0 };
    items.push(...workload.items, ...deskCountTransactItems(this.tableName, counts.desks));
    counters.end = items.length;
    items.push(...this.approvalInboxChanges(previous, ticket));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return ticket;
      } catch (error) {
        if (isItemTooLarge(error)) throw new ItemTooLargeError(ticket.key);
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = reasonCodes(error);
        if (claimIndex !== undefined && codes[claimIndex] === CONDITION_FAILED) throw new AlreadyRecordedError(claim!.key);
        if (codes[0] === CONDITION_FAILED) throw new StaleVersionError(ticket.key);
        if (onlyGuardFailed(codes, guardIndex)) throw new AssignmentRaceError(guard!.email);
        // Another ticket's transaction held a shared counter: the same write may simply go again.
        if (onlyCounterConflicts(codes, counters) && attempt < MAX_COUNTER_CONFLICT_ATTEMPTS) {
          await pauseBeforeRetry(attempt);
          continue;
        }
        // TransactionConflict on the ticket's own items: another request changes it; the caller may retry.
        throw new ConflictError(`Ticket ${ticket.key} is being changed by another request; retry`);
      }
    }
  }

  /**
   * The approvers' inbox items follow the waiting step in the ticket's own transaction: an approver
   * the step no longer waits on gets the item settled (out of the index), a new or changed entry is
   * put, an unchanged one left alone.
   */
  private approvalInboxChanges(previous: Ticket | undefined, next: Ticket): TransactItem[] {
    const before = new Map((previous ? pendingApprovals(previous) : []).map((entry) => [entry.approver, entry]));
    const after = pendingApprovals(next);
    const waiting = new Set(after.map((entry) => entry.approver));
    const settled: TransactItem[] = [...before.values()]
      .filter((entry) => !waiting.has(entry.approver))
      .map((entry) => ({ Put: { TableName: this.tableName, Item: settledApprovalItem(entry, next.updatedAt) } }));
    const written: TransactItem[] = after
      .filter((entry) => JSON.stringify(before.get(entry.approver)) !== JSON.stringify(entry))
      .map((entry) => ({ Put: { TableName: this.tableName, Item: pendingApprovalItem(entry) } }));
    return [...settled, ...written];
  }

  async claim(claim: IdempotencyClaim, ticketKey: string): Promise<boolean> {
    try {
      await this.client.send(new PutCommand(this.claimPut(claim, ticketKey).Put as ConstructorParameters<typeof PutCommand>[0]));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** The claim item; `answer`, the ticket as first answered, is a map in the ticket item's compact form (no index keys). */
  private claimPut(claim: IdempotencyClaim, ticketKey: string, commentId?: string, answer?: Ticket): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...idempotencyKey(claim.caller, claim.key),
          entity: 'idempotency',
          ticketKey,
          ...(commentId ? { commentId } : {}),
          ...(claim.fingerprint ? { fingerprint: claim.fingerprint } : {}),
          ...(answer ? { answer: packedTicket(answer) } : {}),
          ...(claim.source ? { source: claim.source } : {}),
          expiresAt: claim.expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }
}
