import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../../infra/constructs/service-desk-function.ts';

/** How each DynamoDB operation appears in the adapters' source, and the IAM action it needs. */
const OPERATIONS: [RegExp, string][] = [
  [/new GetCommand\b/, 'dynamodb:GetItem'],
  [/new QueryCommand\b/, 'dynamodb:Query'],
  [/new PutCommand\b|\bPut: \{/, 'dynamodb:PutItem'],
  [/new UpdateCommand\b|\bUpdate: \{/, 'dynamodb:UpdateItem'],
  [/new DeleteCommand\b|\bDelete: \{/, 'dynamodb:DeleteItem'],
  [/\bConditionCheck: \{/, 'dynamodb:ConditionCheckItem'],
  [/new BatchGetCommand\b/, 'dynamodb:BatchGetItem'],
  [/new BatchWriteCommand\b/, 'dynamodb:BatchWriteItem'],
  [/new ScanCommand\b/, 'dynamodb:Scan'],
];

const adapterDir = join(PROJECT_ROOT, 'shared', 'adapters', 'dynamodb');
const used = new Set(
  readdirSync(adapterDir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const source = readFileSync(join(adapterDir, file), 'utf8');
      return OPERATIONS.filter(([pattern]) => pattern.test(source)).map(([, action]) => action);
    }),
);

// DynamoDB Local does not enforce IAM, so only this check catches a grant the adapters outgrew.
describe('table grants against what the adapters do', () => {
  it('grants write routes every operation the DynamoDB adapters send', () => {
    const granted = new Set<string>([...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS]);
    expect([...used].filter((action) => !granted.has(action))).toEqual([]);
  });

  it('finds the operations it looks for', () => {
    expect([...used]).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
  });

  it('never scans', () => {
    expect(used.has('dynamodb:Scan')).toBe(false);
  });
});
