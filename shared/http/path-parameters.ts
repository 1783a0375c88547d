import * as z from '../schema/zod-mini.ts';
import type { HttpEvent } from './http-handler.ts';
import { validate } from './request-parsing.ts';

export const ticketKeyParamSchema = z.string().check(z.regex(/^[A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,11}$/, 'not a ticket key such as SD-42'));

/** The `{key}` path parameter, upper-cased so `sd-7` finds SD-7. */
export function ticketKeyParam(event: HttpEvent): string {
  return validate(ticketKeyParamSchema, event.pathParameters?.key?.toUpperCase(), 'ticket key', 'key');
}
