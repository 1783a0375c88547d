import * as z from '../schema/zod-mini.ts';

/** The `{commentId}` path parameter: a comment's ULID. */
export const commentIdParamSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not a comment id (a ULID such as 01JD0000000000000000000000)'));
