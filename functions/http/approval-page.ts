import { assignmentDepsFromEnv } from '#shared/composition/assignment-deps-from-env';
import { signingKeyFromEnv } from '#shared/composition/signing-key-from-env';
import { AppError } from '#shared/errors';
import { approvalFormPage, approvalMessagePage } from '#shared/http/approval-pages';
import { approvalPageQuerySchema } from '#shared/http/api-schemas';
import { statusOf } from '#shared/http/http-error-response';
import { publicRoute } from '#shared/http/http-handler';
import { validate } from '#shared/http/request-parsing';
import { approvalRequestByLink } from '#shared/use-cases/decide-approval';

/**
 * The page an approval email links to: the request and a form that posts the decision. Opening
 * it decides nothing, so a mail scanner that follows the link does no harm.
 */
export const handler = publicRoute(async (event) => {
  try {
    const { token } = validate(approvalPageQuerySchema, event.queryStringParameters ?? {}, 'query');
    const view = await approvalRequestByLink({ ...assignmentDepsFromEnv(), signingKeys: signingKeyFromEnv() }, token);
    return approvalFormPage(view, token, event.rawPath);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const why = error.details.map((detail) => detail.message).join('; ');
    return approvalMessagePage(statusOf(error), 'This approval link cannot be used', why ? `${error.message}: ${why}.` : `${error.message}.`);
  }
});
