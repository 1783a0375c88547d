import { pageChallenge } from '#shared/auth/approval-page-confirmation';
import { signingKeyFromEnv } from '#shared/composition/signing-key-from-env';
import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { AppError } from '#shared/errors';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { approvalPageTexts } from '#shared/http/approval-page-texts';
import { approvalFormPage, approvalMessagePage } from '#shared/http/approval-pages';
import { approvalPageQuerySchema } from '#shared/http/query-schemas';
import { statusOf } from '#shared/http/http-error-response';
import { publicRoute } from '#shared/http/http-handler';
import { validate } from '#shared/http/request-parsing';
import { approvalRequestByLink } from '#shared/use-cases/decide-approval';

/**
 * The page an approval email links to: the request and a form that posts the decision. Opening
 * it decides nothing, and its form decides only with the confirmation that the page's script adds
 * on a person's click, so a mail scanner that follows the link and posts the form does no harm.
 */
export const handler = publicRoute(async (event) => {
  try {
    const { token } = validate(approvalPageQuerySchema, event.queryStringParameters ?? {}, 'query');
    const deps = { ...ticketReadDepsFromEnv(), signingKeys: signingKeyFromEnv() };
    const view = await approvalRequestByLink(deps, token);
    return approvalFormPage(view, token, event.rawPath, pageChallenge(await deps.signingKeys.approvalLinkKey(), token, deps.now()));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const why = error.details.map((detail) => detail.message).join('; ');
    // A link that cannot be used names no approver to choose a language by: the desk's default it is.
    const texts = approvalPageTexts(serviceDeskConfig().defaultLanguage);
    return approvalMessagePage(statusOf(error), texts.unusableLink, why ? `${error.message}: ${why}.` : `${error.message}.`, texts);
  }
});
