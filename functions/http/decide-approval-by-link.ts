import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { verifyPageConfirmation } from '#shared/auth/approval-page-confirmation';
import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { signingKeyFromEnv } from '#shared/composition/signing-key-from-env';
import { AppError } from '#shared/errors';
import { approvalLinkBodySchema, approvalPageFormSchema } from '#shared/http/api-schemas';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { approverLanguage } from '#shared/domain/recipient-language';
import { approvalPageTexts } from '#shared/http/approval-page-texts';
import { approvalMessagePage, approvalOutcomePage } from '#shared/http/approval-pages';
import { statusOf } from '#shared/http/http-error-response';
import { publicRoute } from '#shared/http/http-handler';
import { etagOf, jsonResponse } from '#shared/http/json-response';
import { isFormPost, parseFormBody, parseJsonBody, validate } from '#shared/http/request-parsing';
import type { SigningKeySource } from '#shared/ports/signing-key-source';
import { decideApprovalByLink } from '#shared/use-cases/decide-approval';

/** The form's decision, refused (403) unless the page's script confirmed it on a person's click. */
async function confirmedFormDecision(event: APIGatewayProxyEventV2, deps: { signingKeys: SigningKeySource; now: () => Date }) {
  const { confirmation, ...decision } = validate(approvalPageFormSchema, parseFormBody(event), 'decision');
  verifyPageConfirmation(await deps.signingKeys.approvalLinkKey(), decision.token, confirmation, deps.now());
  return decision;
}

/**
 * No JWT: the signed link in the body is the approver's authority for this one decision. JSON in,
 * JSON out; or, from the form of the approval page, a form post answered with a page. A form post
 * also needs the confirmation the page's script adds on a person's click: mail scanners post the
 * forms they find, but do not click.
 */
export const handler = publicRoute(async (event) => {
  const fromForm = isFormPost(event);
  try {
    const deps = { ...assignmentDepsFromEnv(), signingKeys: signingKeyFromEnv() };
    const { token, ...input } = fromForm ? await confirmedFormDecision(event, deps) : validate(approvalLinkBodySchema, parseJsonBody(event), 'decision');
    const { ticket, approver } = await decideApprovalByLink(deps, token, input);
    // Approvers by link are not signed in: answer with the outcome, not the whole ticket.
    if (fromForm) return approvalOutcomePage(ticket, approverLanguage(deps.config, approver, ticket));
    return jsonResponse(200, { ticketKey: ticket.key, status: ticket.status, approval: ticket.approval?.state }, { etag: etagOf(ticket.version) });
  } catch (error) {
    if (!fromForm || !(error instanceof AppError)) throw error;
    const why = error.details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
    const texts = approvalPageTexts(serviceDeskConfig().defaultLanguage);
    return approvalMessagePage(statusOf(error), texts.nothingDecided, why ? `${error.message} (${why}). ${texts.goBack}` : `${error.message}.`, texts);
  }
});
