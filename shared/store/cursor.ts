import * as z from '../schema/zod-mini.ts';
import { ValidationError } from '../errors.ts';
import { MAX_LIST_PARTITIONS } from '../ports/ticket-store.ts';

/** Where one index partition's reading stopped: not started, finished, or after this key. */
export type PartitionPosition = null | 'done' | Record<string, string>;

// DynamoDB refuses an empty key value and a sort key over 1024 bytes; such a start key is no cursor of ours.
const keyValue = z.string().check(
  z.minLength(1),
  z.refine((value) => Buffer.byteLength(value, 'utf8') <= 1024),
);
const positionSchema = z.union([z.null(), z.literal('done'), z.record(z.string(), keyValue)]);

/** The most index partitions one cursor resumes (the port's limit): ten keys fit the cursor parameter's 4,000 characters. */
export const MAX_CURSOR_PARTITIONS = MAX_LIST_PARTITIONS;
const cursorSchema = z.object({ v: z.literal(1), p: z.array(positionSchema).check(z.minLength(1), z.maxLength(MAX_CURSOR_PARTITIONS)) });

export const invalidCursor = (message: string): ValidationError => new ValidationError('Invalid cursor', [{ path: 'cursor', message }]);

/** The cursor decodes but was made for another query. */
export const cursorMismatch = (): ValidationError => invalidCursor('does not belong to this query; repeat the query that returned it');

/** Encodes partition positions as an opaque, URL-safe cursor. */
export function encodeCursor(positions: PartitionPosition[]): string {
  return Buffer.from(JSON.stringify({ v: 1, p: positions })).toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor for a query over `partitionCount` partitions; anything else
 * (tampered, truncated, from another query) is a 400 naming the cursor.
 */
export function decodeCursor(cursor: string | undefined, partitionCount: number): PartitionPosition[] {
  if (cursor === undefined) return Array.from({ length: partitionCount }, () => null);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('not a cursor returned by this API; start again without it');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.p.length !== partitionCount) {
    throw cursorMismatch();
  }
  return result.data.p;
}
