/**
 * `npm run migrate:keys -- --table <table name> [--endpoint <DynamoDB endpoint>]`: brings a table
 * written by an earlier build to the current key and item layout and rebuilds the queue counters (see
 * table-key-migration.ts). Runs with the caller's AWS credentials and region; safe to run twice;
 * the counters are exact when the desk is quiet while it runs.
 */
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { migrateTableKeys } from './table-key-migration.ts';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const tableName = option('table');
if (!tableName) {
  console.error('Usage: npm run migrate:keys -- --table <table name> [--endpoint <DynamoDB endpoint>]');
  process.exit(1);
}
// Without --endpoint: the table on AWS, with the caller's credentials and region.
const client = createDocumentClient(option('endpoint'));
const result = await migrateTableKeys(client, tableName);
console.log(
  `${tableName}: items read ${result.scanned}, tickets re-keyed ${result.ticketsRekeyed}, tickets repacked ${result.ticketsRepacked}, history events moved ${result.historyMoved}, counters rebuilt ${result.countersRebuilt}`,
);
client.destroy();
