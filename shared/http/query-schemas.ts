import * as z from '../schema/zod-mini.ts';
import { approvalToken } from './field-schemas.ts';

/**
 * The query strings of the routes that answer with one resource, as the functions validate them
 * (zod/mini, see shared/schema/zod-mini.ts). The lists' queries, with their filters and pages, are
 * in list-query-schemas.ts and the bodies in api-schemas.ts, so each route carries only what it parses.
 */

/** `GET /tickets/{key}/attachments?location=`: one stored file, by the location the ticket lists. */
export const attachmentQuerySchema = z.strictObject({
  location: z
    .string()
    .check(
      z.regex(/^attachments\/[0-9a-f]{32}\/\d{1,3}\/[A-Za-z0-9._-]{1,100}$/, "not the location of a stored attachment (see the ticket's attachments)"),
      z.describe('The `location` of an attachment of the ticket or of one of its comments'),
    ),
});

/** `GET /approvals/decide?token=`: the page an approval email links to. */
export const approvalPageQuerySchema = z.strictObject({ token: approvalToken() });
