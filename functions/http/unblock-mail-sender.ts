import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbMailBlocklist } from '#shared/adapters/dynamodb/dynamodb-mail-blocklist';
import { ENV, requiredEnv } from '#shared/environment';
import { authenticatedRoute } from '#shared/http/http-handler';
import { blockEntryParamSchema } from '#shared/http/mail-block-schemas';
import { validate } from '#shared/http/request-parsing';
import { unblockMailSender } from '#shared/use-cases/unblock-mail-sender';

let blocklist: DynamoDbMailBlocklist | undefined;

/** A path parameter as sent: the local runtime decodes it, API Gateway may not. */
function decoded(value: string | undefined): string | undefined {
  try {
    return value === undefined ? undefined : decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const entry = validate(blockEntryParamSchema, decoded(event.pathParameters?.entry), 'blocked sender', 'entry');
  blocklist ??= new DynamoDbMailBlocklist(createDocumentClient(), requiredEnv(ENV.tableName));
  await unblockMailSender({ blocklist, now: () => new Date() }, principal, entry);
  return { statusCode: 204 };
});
