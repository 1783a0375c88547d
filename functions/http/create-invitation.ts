import { createDocumentClient } from '#shared/adapters/dynamodb/document-client';
import { DynamoDbInvitations } from '#shared/adapters/dynamodb/dynamodb-invitations';
import { ENV, requiredEnv } from '#shared/environment';
import { invitationBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { invitePerson } from '#shared/use-cases/invite-person';

let invitations: DynamoDbInvitations | undefined;

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const body = validate(invitationBodySchema, parseJsonBody(event), 'invitation');
  invitations ??= new DynamoDbInvitations(createDocumentClient(), requiredEnv(ENV.tableName));
  const { invitation, created } = await invitePerson({ invitations, now: () => new Date() }, principal, body);
  return jsonResponse(created ? 201 : 200, { invitation });
});
