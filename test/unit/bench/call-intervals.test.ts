import { describe, expect, it } from 'vitest';
import { busyMs, overlapping } from '../../../bench/lib/call-intervals.ts';
import type { DynamoDbCall } from '../../../bench/lib/function-scope.ts';

const call = (command: string, startMs: number, endMs: number): DynamoDbCall => ({ command, input: {}, startMs, endMs });

describe('the time a handler waits on DynamoDB', () => {
  it('adds calls one after another and counts overlapping ones once', () => {
    expect(busyMs([call('GetItem', 0, 4), call('TransactWriteItems', 5, 15)])).toBe(14);
    expect(busyMs([call('Query', 0, 10), call('Query', 2, 6), call('GetItem', 8, 12)])).toBe(12);
    expect(busyMs([])).toBe(0);
  });

  it('replays calls that overlapped together, in the order they were sent', () => {
    const groups = overlapping([call('TransactWriteItems', 20, 30), call('GetItem', 0, 5), call('GetItem', 1, 6), call('UpdateItem', 6, 9)]);
    expect(groups.map((group) => group.map((member) => member.command))).toEqual([['GetItem', 'GetItem'], ['UpdateItem'], ['TransactWriteItems']]);
  });
});
