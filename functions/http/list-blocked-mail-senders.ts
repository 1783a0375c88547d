import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbMailBlocklist } from '#shared/adapters/dynamodb/dynamodb-mail-blocklist';
import { ENV, requiredEnv } from '#shared/environment';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { listBlockedMailSenders } from '#shared/use-cases/list-blocked-mail-senders';

let blocklist: DynamoDbMailBlocklist | undefined;

export const handler = authenticatedRoute(async ({ principal }) => {
  blocklist ??= new DynamoDbMailBlocklist(createDocumentClient(), requiredEnv(ENV.tableName));
  return jsonResponse(200, { items: await listBlockedMailSenders(blocklist, principal) });
});
