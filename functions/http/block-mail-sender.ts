import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbMailBlocklist } from '#shared/adapters/dynamodb/dynamodb-mail-blocklist';
import { ENV, requiredEnv } from '#shared/environment';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { blockMailBodySchema } from '#shared/http/mail-block-schemas';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { blockMailSender } from '#shared/use-cases/block-mail-sender';

let blocklist: DynamoDbMailBlocklist | undefined;

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const body = validate(blockMailBodySchema, parseJsonBody(event), 'block');
  blocklist ??= new DynamoDbMailBlocklist(createDocumentClient(), requiredEnv(ENV.tableName));
  const { entry, created } = await blockMailSender({ blocklist, now: () => new Date() }, principal, body);
  return jsonResponse(created ? 201 : 200, { blocked: entry });
});
