import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbMailQuarantine } from '#shared/adapters/dynamodb/dynamodb-mail-quarantine';
import { ENV, requiredEnv } from '#shared/environment';
import { quarantineQuerySchema } from '#shared/http/list-query-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { validate } from '#shared/http/request-parsing';
import { listQuarantinedMail } from '#shared/use-cases/list-quarantined-mail';

let quarantine: DynamoDbMailQuarantine | undefined;

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const { day = new Date().toISOString().slice(0, 10) } = validate(quarantineQuerySchema, event.queryStringParameters ?? {}, 'query');
  quarantine ??= new DynamoDbMailQuarantine(createDocumentClient(), requiredEnv(ENV.tableName));
  return jsonResponse(200, { day, items: await listQuarantinedMail(quarantine, principal, day) });
});
