/**
 * Where an API call's time goes, at one client: end to end through the local runtime (HTTP, the
 * token check API Gateway does on AWS, the handler), the handler alone, the part of it spent
 * waiting on DynamoDB, and the rest (the handler's own time). Beside it, the floor: the same
 * DynamoDB requests replayed against the same DynamoDB Local without the handler.
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureTable } from '../../local/table.ts';
import type { BenchRuntime } from '../lib/bench-runtime.ts';
import type { DynamoDbCall } from '../lib/function-scope.ts';
import { busyMs, overlapping } from '../lib/call-intervals.ts';
import { commandSummary } from '../lib/dynamodb-meter.ts';
import { median, round } from '../lib/stats.ts';
import { timedOperations } from '../lib/timed-operations.ts';

/** The handler's own time may be this much for a read and for a write. */
export const OWN_TIME_TARGET_MS = { read: 3, write: 5 } as const;
/** End to end, at most this many times the floor. */
export const FLOOR_FACTOR_TARGET = 2;

export interface OperationOverhead {
  operation: string;
  kind: 'read' | 'write';
  requests: number;
  errors: number;
  /** The DynamoDB requests of one call, e.g. `1x GetItem, 1x TransactWriteItems`. */
  commands: string;
  /** Medians, in milliseconds. The floor of a call is the lower of its replay and the handler's wait on DynamoDB. */
  floorMs: number;
  replayMs: number;
  endToEndMs: number;
  handlerMs: number;
  waitingOnDynamoDbMs: number;
  ownMs: number;
  /** End to end over floor; null for an operation without DynamoDB work. */
  floorFactor: number | null;
  meetsFloorFactor: boolean;
  meetsOwnTime: boolean;
}

export interface RequestOverheadResult {
  requestsPerOperation: number;
  method: string;
  operations: OperationOverhead[];
}

export async function measureRequestOverhead(runtime: BenchRuntime, options: { requests: number }): Promise<RequestOverheadResult> {
  const operations = await timedOperations(runtime, 'Overhead');

  const floor = await FloorReplay.start(runtime.dynamodb);
  try {
    const results: OperationOverhead[] = [];
    for (const { operation, kind, handler: handlerName, request } of operations) {
      let last: { ms: number; calls: readonly DynamoDbCall[] } | undefined;
      const stopListening = runtime.onInvocation((functionName, _event, _result, ms, calls) => {
        if (functionName === handlerName) last = { ms, calls };
      });
      const samples: { endToEnd: number; handler: number; waiting: number; replay: number; floor: number; commands: string }[] = [];
      let errors = 0;
      try {
        // A few calls first: the handler's module loads on first use, and its clients connect.
        for (let index = 0; index < 3; index++) await request(options.requests + index);
        await runtime.quiesce();
        for (let index = 0; index < options.requests; index++) {
          last = undefined;
          const response = await request(index);
          if (response.status >= 400) errors += 1;
          if (!last) throw new Error(`${operation}: the ${handlerName} handler did not run`);
          const { ms, calls } = last as { ms: number; calls: readonly DynamoDbCall[] };
          // Replayed at once, before the stream (read every 100 ms) sets off what the write causes.
          const replayMs = await floor.replay(calls);
          // That work (the stream, mail) runs in this process: let it finish, as it would elsewhere on AWS.
          if (kind === 'write') await runtime.quiesce();
          const waiting = busyMs(calls);
          // The floor is the lower of two timings of the same DynamoDB work: the replay, and the handler's own wait.
          samples.push({ endToEnd: response.ms, handler: ms, waiting, replay: replayMs, floor: Math.min(replayMs, waiting), commands: commandsOf(calls) });
        }
      } finally {
        stopListening();
      }
      const floorMs = median(samples.map((sample) => sample.floor));
      const endToEndMs = median(samples.map((sample) => sample.endToEnd));
      const ownMs = median(samples.map((sample) => sample.handler - sample.waiting));
      const commands = mostCommon(samples.map((sample) => sample.commands));
      const floorFactor = commands === '-' ? null : endToEndMs / floorMs;
      results.push({
        operation,
        kind,
        requests: samples.length,
        errors,
        commands,
        floorMs: round(floorMs),
        replayMs: round(median(samples.map((sample) => sample.replay))),
        endToEndMs: round(endToEndMs),
        handlerMs: round(median(samples.map((sample) => sample.handler))),
        waitingOnDynamoDbMs: round(median(samples.map((sample) => sample.waiting))),
        ownMs: round(ownMs),
        floorFactor: floorFactor === null ? null : round(floorFactor),
        meetsFloorFactor: floorFactor === null || floorFactor <= FLOOR_FACTOR_TARGET,
        meetsOwnTime: ownMs <= OWN_TIME_TARGET_MS[kind],
      });
    }
    return {
      requestsPerOperation: options.requests,
      method:
        "One client, one request at a time, after a write until its stream and mail work is done. End to end: as the client measures it through the local runtime (HTTP server, JWT check, handler). Waiting on DynamoDB: the time covered by the handler's DynamoDB requests, from send to answer (overlapping ones counted once). Own time: the handler's time minus that wait. Replay: the same requests as sent on the wire, replayed right after each call with one client against the same DynamoDB Local (reads on the desk's table, writes on a table of its schema with their conditions made to hold), those that overlapped together. Floor: the lower of the replay and the wait on DynamoDB, two timings of the same work (writes replay slower than the handler waits for them, by up to 4 times in a full run: on the replay's table DynamoDB Local takes longer). Medians.",
      operations: results,
    };
  } finally {
    floor.stop();
  }
}

function commandsOf(calls: readonly DynamoDbCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.command, (counts.get(call.command) ?? 0) + 1);
  return commandSummary(counts) || '-';
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '-';
}

type Input = Record<string, unknown>;
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);

/**
 * Replays recorded DynamoDB requests with a client of its own. Reads go to the desk's table as they
 * were; writes go to a table of the same schema, so nothing the bench reads later changes, with
 * each condition OR-ed with one that always holds (a write that found its condition false would do
 * less work) and without ClientRequestToken (a repeated token answers from DynamoDB's memory).
 */
class FloorReplay {
  private readonly seeded = new Set<string>();

  private constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly scratchTable: string,
  ) {}

  static async start(dynamodb: { endpoint: string; tableName: string }): Promise<FloorReplay> {
    const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const scratchTable = `${dynamodb.tableName}-floor`;
    await ensureTable(client, scratchTable);
    return new FloorReplay(client, dynamodb.tableName, scratchTable);
  }

  /** Milliseconds the calls take again: in their order, those that overlapped sent together. */
  async replay(calls: readonly DynamoDbCall[]): Promise<number> {
    await this.seedItemsWritten(calls);
    const started = performance.now();
    for (const group of overlapping(calls)) await Promise.all(group.map((call) => this.send(call)));
    return performance.now() - started;
  }

  stop(): void {
    this.client.destroy();
  }

  /**
   * Untimed: the items the writes update or delete, copied from the desk's table the first time a
   * replay touches them, so a replay finds items like those the handler found. A copy made just
   * before the timed writes slowed them down (DynamoDB Local is still busy with it): the replay
   * waits a moment after copying.
   */
  private async seedItemsWritten(calls: readonly DynamoDbCall[]): Promise<void> {
    const keys = calls
      .filter((call) => WRITES.has(call.command))
      .flatMap((call) => (Array.isArray(call.input.TransactItems) ? (call.input.TransactItems as Record<string, Input>[]).flatMap((item) => Object.values(item)) : [call.input]))
      .flatMap((action) => (action.Key && action.TableName === this.tableName ? [action.Key as Record<string, unknown>] : []))
      .filter((key) => !this.seeded.has(JSON.stringify(key)));
    for (const key of keys) {
      this.seeded.add(JSON.stringify(key));
      const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: key as never, ConsistentRead: true }));
      if (Item) await this.client.send(new PutItemCommand({ TableName: this.scratchTable, Item }));
    }
    if (keys.length) await sleep(50);
  }

  private async send(call: DynamoDbCall): Promise<void> {
    const input = (WRITES.has(call.command) ? this.asScratchWrite(call.input) : call.input) as never;
    // The input is as the handler's own command sent it: each command takes it back as it was.
    switch (call.command) {
      case 'GetItemCommand':
        return void (await this.client.send(new GetItemCommand(input)));
      case 'QueryCommand':
        return void (await this.client.send(new QueryCommand(input)));
      case 'BatchGetItemCommand':
        return void (await this.client.send(new BatchGetItemCommand(input)));
      case 'TransactGetItemsCommand':
        return void (await this.client.send(new TransactGetItemsCommand(input)));
      case 'PutItemCommand':
        return void (await this.client.send(new PutItemCommand(input)));
      case 'UpdateItemCommand':
        return void (await this.client.send(new UpdateItemCommand(input)));
      case 'DeleteItemCommand':
        return void (await this.client.send(new DeleteItemCommand(input)));
      case 'TransactWriteItemsCommand':
        return void (await this.client.send(new TransactWriteItemsCommand(input)));
      case 'BatchWriteItemCommand':
        return void (await this.client.send(new BatchWriteItemCommand(input)));
      default:
        throw new Error(`The floor replay does not know ${call.command}`);
    }
  }

  private asScratchWrite(input: Input): Input {
    const { ClientRequestToken: _token, ...rest } = input;
    if (Array.isArray(rest.TransactItems)) {
      return {
        ...rest,
        TransactItems: (rest.TransactItems as Record<string, Input>[]).map((item) => Object.fromEntries(Object.entries(item).map(([kind, action]) => [kind, this.holding(action)]))),
      };
    }
    if (rest.RequestItems) return { ...rest, RequestItems: { [this.scratchTable]: (rest.RequestItems as Record<string, unknown>)[this.tableName] } };
    return this.holding(rest);
  }

  /** The action on the scratch table, its condition made to hold. */
  private holding(action: Input): Input {
    const moved = { ...action, TableName: this.scratchTable };
    if (typeof action.ConditionExpression !== 'string') return moved;
    return {
      ...moved,
      ConditionExpression: `(${action.ConditionExpression}) OR attribute_not_exists(#floorNeverSet)`,
      ExpressionAttributeNames: { ...((action.ExpressionAttributeNames as Record<string, string> | undefined) ?? {}), '#floorNeverSet': 'floorNeverSet' },
    };
  }
}
