import { s3AttachmentLinksFromEnv } from '#shared/adapters/s3/s3-attachment-links';
import { ticketReadDepsFromEnv } from '#shared/composition/ticket-read-deps-from-env';
import { attachmentQuerySchema } from '#shared/http/query-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { ticketKeyParam } from '#shared/http/path-parameters';
import { header, validate } from '#shared/http/request-parsing';
import { getAttachmentLink } from '#shared/use-cases/get-attachment-link';

/**
 * Redirects to a short-lived download link; the body says the same for clients that do not follow
 * redirects. A caller that asks for JSON (`Accept: application/json`, as the web app's fetch does:
 * a browser cannot read a redirect's body) gets the link as a 200 answer instead.
 */
export const handler = authenticatedRoute(async ({ event, principal }) => {
  const { location } = validate(attachmentQuerySchema, event.queryStringParameters ?? {}, 'query');
  const link = await getAttachmentLink({ ...ticketReadDepsFromEnv(), links: s3AttachmentLinksFromEnv() }, principal, ticketKeyParam(event), location);
  if (/\bapplication\/json\b/i.test(header(event, 'accept') ?? '')) return jsonResponse(200, link);
  return jsonResponse(302, link, { location: link.url });
});
