import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { signingKeyFromEnv } from '#shared/composition/signing-key-from-env';
import { approvalLinkBodySchema } from '#shared/http/api-schemas';
import { publicRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { decideApprovalByLink } from '#shared/use-cases/decide-approval';

/** No JWT: the signed link in the body is the approver's authority for this one decision. */
export const handler = publicRoute(async (event) => {
  const { token, ...input } = validate(approvalLinkBodySchema, parseJsonBody(event), 'decision');
  const ticket = await decideApprovalByLink({ ...assignmentDepsFromEnv(), signingKeys: signingKeyFromEnv() }, token, input);
  // Approvers by link are not signed in: answer with the outcome, not the whole ticket.
  return jsonResponse(200, { ticketKey: ticket.key, status: ticket.status, approval: ticket.approval?.state }, { etag: etagOf(ticket.version) });
});
