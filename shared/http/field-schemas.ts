import * as z from '../schema/zod-mini.ts';
import { multiLineText, oneLineText } from '../text/normalise-text.ts';

/**
 * The fields that request bodies (api-schemas.ts) and query strings (query-schemas.ts, list-query-schemas.ts) share, so a
 * route that reads a query string carries no body schemas.
 */

// Text fields are normalised before they are checked: one-line fields lose line breaks, and every
// field loses controls, bidi overrides and zero-width characters (shared/text/normalise-text.ts).
type StringCheck = Parameters<z.ZodMiniString['check']>[number];
export const oneLine = (...checks: StringCheck[]) => z.string().check(z.overwrite(oneLineText), z.trim(), ...checks);
export const multiLine = (...checks: StringCheck[]) => z.string().check(z.overwrite(multiLineText), ...checks);

export const email = z.pipe(
  z.email().check(z.maxLength(254)),
  z.transform((value: string) => value.toLowerCase()),
);

export const deskId = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a desk id'));
export const catalogItemId = (description: string) => z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a catalog item id'))).check(z.describe(description));

/** The token of an approval link: in the link's query string and in the body the page posts. */
export const approvalToken = () => z.string().check(z.minLength(20), z.maxLength(4000), z.describe('The token of the approval link'));
