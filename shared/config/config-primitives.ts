import * as z from 'zod';

/** Identifiers used in keys and URLs: lower-case, no separators that the store uses. */
export const idSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'use 1-32 lower-case letters, digits or dashes, starting with a letter');

export const emailSchema = z.email().transform((email) => email.toLowerCase());

/** Names of form fields, which become the ticket's custom field names. */
export const fieldNameSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'use letters, digits and _, starting with a letter');
