import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbUndeliverableAddresses } from '#shared/adapters/dynamodb/dynamodb-undeliverable-addresses';
import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { ENV, requiredEnv } from '#shared/environment';
import { replyPreviewBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { previewReply } from '#shared/use-cases/preview-reply';

let undeliverable: DynamoDbUndeliverableAddresses | undefined;

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const key = ticketKeyParam(event);
  const body = validate(replyPreviewBodySchema, parseJsonBody(event), 'reply preview');
  undeliverable ??= new DynamoDbUndeliverableAddresses(createDocumentClient(), requiredEnv(ENV.tableName));
  return jsonResponse(200, await previewReply({ ...ticketReadDepsFromEnv(), undeliverable }, principal, key, body));
});
