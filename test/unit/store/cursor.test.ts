import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors.ts';
import { decodeCursor, encodeCursor } from '../../../shared/store/cursor.ts';

describe('list cursors', () => {
  it('round-trips the position of each partition', () => {
    const positions = [null, 'done' as const, { PK: 'TICKET#SD-1', SK: 'TICKET', GSI1PK: 'DESK#it#STATUS#open', GSI1SK: 'P1#x' }];
    expect(decodeCursor(encodeCursor(positions), 3)).toEqual(positions);
  });

  it('starts every partition from the beginning without a cursor', () => {
    expect(decodeCursor(undefined, 2)).toEqual([null, null]);
  });

  it('refuses a tampered cursor, naming it', () => {
    expect(() => decodeCursor('not-a-cursor', 1)).toThrow(ValidationError);
    expect(() => decodeCursor(Buffer.from('{"v":1,"p":[{"PK":3}]}').toString('base64url'), 1)).toThrow(ValidationError);
  });

  it('refuses a position DynamoDB could not start from: an empty or over-long key value', () => {
    const cursorWith = (SK: string) => Buffer.from(JSON.stringify({ v: 1, p: [{ PK: 'TICKET#SD-1', SK }] })).toString('base64url');
    expect(() => decodeCursor(cursorWith(''), 1)).toThrow(ValidationError);
    expect(() => decodeCursor(cursorWith('é'.repeat(513)), 1)).toThrow(ValidationError);
    expect(decodeCursor(cursorWith('HISTORY#01J'), 1)).toEqual([{ PK: 'TICKET#SD-1', SK: 'HISTORY#01J' }]);
  });

  it('refuses a cursor of a query over other partitions', () => {
    try {
      decodeCursor(encodeCursor([null, null]), 4);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).details).toEqual([{ path: 'cursor', message: 'does not belong to this query; repeat the query that returned it' }]);
    }
  });
});
