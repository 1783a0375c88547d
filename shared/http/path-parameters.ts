import { ticketKeyParamSchema } from './api-schemas.ts';
import type { HttpEvent } from './http-handler.ts';
import { validate } from './request-parsing.ts';

/** The `{key}` path parameter, upper-cased so `sd-7` finds SD-7. */
export function ticketKeyParam(event: HttpEvent): string {
  return validate(ticketKeyParamSchema, event.pathParameters?.key?.toUpperCase(), 'ticket key', 'key');
}
