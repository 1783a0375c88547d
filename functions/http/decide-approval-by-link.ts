import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { signingKeyFromEnv } from '#shared/composition/signing-key-from-env';
import { AppError } from '#shared/errors';
import { approvalLinkBodySchema } from '#shared/http/api-schemas';
import { approvalMessagePage } from '#shared/http/approval-pages';
import { statusOf } from '#shared/http/http-error-response';
import { publicRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { isFormPost, parseFormBody, parseJsonBody, validate } from '#shared/http/request-parsing';
import { decideApprovalByLink } from '#shared/use-cases/decide-approval';

/**
 * No JWT: the signed link in the body is the approver's authority for this one decision. JSON in,
 * JSON out; or, from the form of the approval page, a form post answered with a page.
 */
export const handler = publicRoute(async (event) => {
  const fromForm = isFormPost(event);
  try {
    const { token, ...input } = validate(approvalLinkBodySchema, fromForm ? parseFormBody(event) : parseJsonBody(event), 'decision');
    const ticket = await decideApprovalByLink({ ...assignmentDepsFromEnv(), signingKeys: signingKeyFromEnv() }, token, input);
    // Approvers by link are not signed in: answer with the outcome, not the whole ticket.
    if (fromForm) {
      const outcome = ticket.approval?.state === 'rejected' ? 'rejected; the requester is told why' : ticket.approval?.state === 'approved' ? 'approved; it goes to the desk' : 'approved; the next step is asked';
      return approvalMessagePage(200, `${ticket.key}: thank you`, `The request is ${outcome}.`);
    }
    return jsonResponse(200, { ticketKey: ticket.key, status: ticket.status, approval: ticket.approval?.state }, { etag: etagOf(ticket.version) });
  } catch (error) {
    if (!fromForm || !(error instanceof AppError)) throw error;
    const why = error.details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
    return approvalMessagePage(statusOf(error), 'Nothing was decided', why ? `${error.message} (${why}). Go back to change it.` : `${error.message}.`);
  }
});
