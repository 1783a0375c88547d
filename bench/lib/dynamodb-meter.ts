import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { observeDynamoDbClients } from '#shared/adapters/dynamodb/document-client';
import { currentFunction } from './function-scope.ts';

/** Round trips and units of one command name, in one function. */
export interface CommandUse {
  calls: number;
  readUnits: number;
  writeUnits: number;
}

/** Everything a function did with the table: by command name. */
export type FunctionUse = Record<string, CommandUse>;

/** Outside any handler: the bench's own set-up and checks, never counted as the desk's. */
export const UNATTRIBUTED = '(bench)';

const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

type AttributeValue = Record<string, unknown>;

/**
 * Counts every DynamoDB request the handlers make, with the capacity it consumed, by function and
 * command. A middleware asks each request for ReturnConsumedCapacity (INDEXES, so index writes are
 * seen) and adds up what DynamoDB Local reports. DynamoDB Local sizes a transaction as if it were
 * one item (two small puts report 2 WCU where DynamoDB bills 2 x 1 KB x 2 items = 4), so the table
 * share of TransactWriteItems is computed per item from the item sizes, the documented way, and
 * the larger of the two is kept. Index units are kept as reported: DynamoDB Local charges an
 * index the entry's size, twice when its keys change, nothing when no projected attribute changed,
 * and doubles them inside a transaction, which makes them an upper bound of what AWS bills there.
 * A Scan is counted like any command and flagged by its name.
 */
export class DynamoDbMeter {
  private readonly byFunction = new Map<string, FunctionUse>();
  private stopObserving: (() => void) | undefined;

  /** Adds the middleware to every client the handlers create from now on. */
  start(): void {
    this.stopObserving = observeDynamoDbClients((client) => this.instrument(client));
  }

  stop(): void {
    this.stopObserving?.();
  }

  /** A copy of the counts so far, to diff against later. */
  snapshot(): Map<string, FunctionUse> {
    return new Map([...this.byFunction].map(([name, use]) => [name, structuredClone(use)]));
  }

  private instrument(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        // The document client marshals from this same object after this step, so the flag survives.
        input.ReturnConsumedCapacity = 'INDEXES';
        const functionName = currentFunction() ?? UNATTRIBUTED;
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
        this.record(functionName, context.commandName ?? 'UnknownCommand', input, output.ConsumedCapacity);
        return result;
      },
      { step: 'initialize', name: 'benchCapacityMeter', override: true },
    );
  }

  private record(functionName: string, command: string, input: Record<string, unknown>, consumed: Consumed | Consumed[] | undefined): void {
    const use = (this.byFunction.get(functionName) ?? {}) as FunctionUse;
    this.byFunction.set(functionName, use);
    const entry = (use[command] ??= { calls: 0, readUnits: 0, writeUnits: 0 });
    entry.calls += 1;
    const reported = [consumed ?? []].flat();
    let table = 0;
    let indexes = 0;
    for (const part of reported) {
      const indexUnits = Object.values(part.GlobalSecondaryIndexes ?? {}).reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0);
      indexes += indexUnits;
      table += part.Table?.CapacityUnits ?? (part.CapacityUnits ?? 0) - indexUnits;
    }
    if (command === 'TransactWriteItemsCommand') table = Math.max(table, transactionTableUnits(input));
    if (WRITE_COMMANDS.has(command)) entry.writeUnits += table + indexes;
    else entry.readUnits += table + indexes;
  }
}

interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/**
 * WCU of a transaction's table writes, item by item: 2 per started KB of each item (the
 * transactional factor). A Put's size is its item; an Update, Delete or ConditionCheck touches
 * one stored item whose size is unknown here: the items the desk updates in transactions are
 * counters (well under 1 KB), so 1 KB is taken.
 */
function transactionTableUnits(input: Record<string, unknown>): number {
  const items = (input.TransactItems ?? []) as Record<string, { Item?: Record<string, unknown> }>[];
  return items.reduce((units, item) => {
    const put = item.Put?.Item;
    const kilobytes = put ? Math.max(1, Math.ceil(itemBytes(asAttributeMap(put)) / 1024)) : 1;
    return units + 2 * kilobytes;
  }, 0);
}

const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);

/** The item in DynamoDB's attribute-value form: the document client's commands carry plain objects here. */
function asAttributeMap(item: Record<string, unknown>): Record<string, AttributeValue> {
  const typed = Object.values(item).every((value) => {
    if (typeof value !== 'object' || value === null) return false;
    const keys = Object.keys(value);
    return keys.length === 1 && ATTRIBUTE_TYPES.has(keys[0]!);
  });
  return typed ? (item as Record<string, AttributeValue>) : (marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true }) as unknown as Record<string, AttributeValue>);
}

/** An item's size as DynamoDB counts it: attribute names plus values (strings and binaries by length, numbers by digits). */
export function itemBytes(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((size, [name, value]) => size + Buffer.byteLength(name) + valueBytes(value), 0);
}

function valueBytes(value: AttributeValue): number {
  if ('S' in value) return Buffer.byteLength(String(value.S));
  if ('N' in value) return Math.ceil(String(value.N).replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if ('B' in value) return (value.B as Uint8Array).length;
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('M' in value) return 3 + Object.entries(value.M as Record<string, AttributeValue>).reduce((size, [name, inner]) => size + 1 + Buffer.byteLength(name) + valueBytes(inner), 0);
  if ('L' in value) return 3 + (value.L as AttributeValue[]).reduce((size, inner) => size + 1 + valueBytes(inner), 0);
  if ('SS' in value) return (value.SS as string[]).reduce((size, inner) => size + Buffer.byteLength(inner), 0);
  if ('NS' in value) return (value.NS as string[]).reduce((size, inner) => size + Math.ceil(inner.length / 2) + 1, 0);
  return 0;
}

/** The difference of two snapshots: what happened in between, by function and command. */
export function useBetween(before: Map<string, FunctionUse>, after: Map<string, FunctionUse>): Map<string, FunctionUse> {
  const delta = new Map<string, FunctionUse>();
  for (const [name, use] of after) {
    const earlier = before.get(name) ?? {};
    const changed: FunctionUse = {};
    for (const [command, counts] of Object.entries(use)) {
      const previous = earlier[command] ?? { calls: 0, readUnits: 0, writeUnits: 0 };
      if (counts.calls === previous.calls) continue;
      changed[command] = { calls: counts.calls - previous.calls, readUnits: counts.readUnits - previous.readUnits, writeUnits: counts.writeUnits - previous.writeUnits };
    }
    if (Object.keys(changed).length) delta.set(name, changed);
  }
  return delta;
}

/** How many of each command, e.g. `1x GetItem, 1x TransactWriteItems`; empty for none. */
export function commandSummary(calls: Iterable<[command: string, calls: number]>): string {
  return [...calls].map(([command, count]) => `${count}x ${command.replace(/Command$/, '')}`).join(', ');
}

/** Totals of a set of commands. */
export function totalsOf(use: FunctionUse | undefined): CommandUse & { scans: number; commands: string } {
  const entries = Object.entries(use ?? {});
  return {
    calls: entries.reduce((sum, [, counts]) => sum + counts.calls, 0),
    readUnits: entries.reduce((sum, [, counts]) => sum + counts.readUnits, 0),
    writeUnits: entries.reduce((sum, [, counts]) => sum + counts.writeUnits, 0),
    scans: entries.filter(([command]) => command.startsWith('Scan')).reduce((sum, [, counts]) => sum + counts.calls, 0),
    commands: commandSummary(entries.map(([command, counts]) => [command, counts.calls])),
  };
}
