import type { DynamoDbCall } from './function-scope.ts';

/** The time covered by the calls, overlapping ones counted once. */
export function busyMs(calls: readonly DynamoDbCall[]): number {
  const sorted = [...calls].sort((a, b) => a.startMs - b.startMs);
  let busy = 0;
  let coveredUntil = -Infinity;
  for (const call of sorted) {
    const start = Math.max(call.startMs, coveredUntil);
    if (call.endMs > start) busy += call.endMs - start;
    coveredUntil = Math.max(coveredUntil, call.endMs);
  }
  return busy;
}

/** The calls in groups: a call that started before the previous ones ended joins their group. */
export function overlapping(calls: readonly DynamoDbCall[]): DynamoDbCall[][] {
  const groups: DynamoDbCall[][] = [];
  let groupEnd = -Infinity;
  for (const call of [...calls].sort((a, b) => a.startMs - b.startMs)) {
    if (call.startMs < groupEnd && groups.length) groups[groups.length - 1]!.push(call);
    else groups.push([call]);
    groupEnd = Math.max(groupEnd, call.endMs);
  }
  return groups;
}
