import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoDbMailBlocklist } from '../adapters/dynamodb/dynamodb-mail-blocklist.ts';
import { DynamoDbMailQuarantine } from '../adapters/dynamodb/dynamodb-mail-quarantine.ts';
import { DynamoDbNewTicketLimiter } from '../adapters/dynamodb/dynamodb-new-ticket-limiter.ts';
import { DynamoDbUndeliverableAddresses } from '../adapters/dynamodb/dynamodb-undeliverable-addresses.ts';
import { ENV, requiredEnv } from '../environment.ts';
import type { IngestDeps } from '../use-cases/ingest-email.ts';
import { assignmentDepsFromEnv } from './assignment-deps-from-env.ts';
import { replyAddressSecretFromEnv } from './signing-key-from-env.ts';

/** Everything but the file stores, which differ between AWS (S3) and `npm start` (local files). */
export type EmailIntakeTableDeps = Omit<IngestDeps, 'attachments'>;

let deps: Promise<EmailIntakeTableDeps> | undefined;

/** The email intake's dependencies, built once per cold start. */
export function emailIntakeDepsFromEnv(): Promise<EmailIntakeTableDeps> {
  deps ??= replyAddressSecretFromEnv().then((replyAddressSecret) => ({
    ...assignmentDepsFromEnv(),
    quarantine: new DynamoDbMailQuarantine(createDocumentClient(), requiredEnv(ENV.tableName)),
    undeliverable: new DynamoDbUndeliverableAddresses(createDocumentClient(), requiredEnv(ENV.tableName)),
    blocklist: new DynamoDbMailBlocklist(createDocumentClient(), requiredEnv(ENV.tableName)),
    newTickets: new DynamoDbNewTicketLimiter(createDocumentClient(), requiredEnv(ENV.tableName)),
    replyAddressSecret,
  }));
  deps.catch(() => (deps = undefined));
  return deps;
}
