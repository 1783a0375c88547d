import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../schema/zod-mini.ts';
import { formatPath } from '../config/config-error.ts';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError, type ErrorDetail } from '../errors.ts';

/** Largest JSON body the API accepts; API Gateway itself allows 10 MB. */
export const MAX_BODY_BYTES = 256 * 1024;

function zodDetails(error: z.core.$ZodError, prefix?: string): ErrorDetail[] {
  return error.issues
    .map((issue) => {
      // Unknown keys are reported on the parent; name each key instead.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      // A bad record key says only "Invalid key in record"; the key's own rule says what to fix.
      const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      return keys.map((key) => ({
        path: formatPath([...(prefix ? [prefix] : []), ...issue.path, ...(key ? [key] : [])]) || (prefix ?? 'body'),
        message: key ? 'is not a known field' : message,
      }));
    })
    .flat();
}

/** Validates a value against a schema; a failure is a 400 listing each path and what is wrong. */
export function validate<S extends z.core.$ZodType>(schema: S, value: unknown, what: string, prefix?: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ValidationError(`The ${what} is invalid`, zodDetails(result.error, prefix));
  return result.data;
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** True when the body is an HTML form post (`application/x-www-form-urlencoded`). */
export function isFormPost(event: APIGatewayProxyEventV2): boolean {
  return /^application\/x-www-form-urlencoded\s*(;|$)/i.test(header(event, 'content-type') ?? '');
}

/** An HTML form's fields, as strings; a field left empty counts as not sent. 413 when too large. */
export function parseFormBody(event: APIGatewayProxyEventV2): Record<string, string> {
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64') : Buffer.from(event.body ?? '', 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`The body is ${raw.byteLength} bytes; the limit is ${MAX_BODY_BYTES}`, [{ path: 'body', message: `at most ${MAX_BODY_BYTES} bytes` }]);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) if (value.trim() !== '' && !(name in fields)) fields[name] = value;
  return fields;
}

/** Parses a JSON body: 415 for another media type, 413 when too large, 400 for broken JSON. */
export function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`The body is ${raw.byteLength} bytes; the limit is ${MAX_BODY_BYTES}`, [{ path: 'body', message: `at most ${MAX_BODY_BYTES} bytes` }]);
  }
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
    throw new UnsupportedMediaTypeError('Send the body as JSON', [{ path: 'Content-Type', message: 'must be application/json' }]);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new ValidationError('The body is not valid JSON', [{ path: 'body', message: (error as Error).message }]);
  }
}

/** The version an If-Match header names (`"3"`, `W/"3"` or `3`); `*` or no header means none. */
export function parseIfMatch(event: APIGatewayProxyEventV2): number | undefined {
  const value = header(event, 'if-match')?.trim();
  if (!value || value === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  if (!match) {
    throw new ValidationError('If-Match is not an ETag of this API', [{ path: 'If-Match', message: 'send the ETag of the ticket, e.g. "3"' }]);
  }
  return Number(match[1]);
}

/** An optional Idempotency-Key header: 1-128 visible ASCII characters. */
export function parseIdempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  const value = header(event, 'idempotency-key');
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,128}$/.test(value)) {
    throw new ValidationError('Idempotency-Key is invalid', [{ path: 'Idempotency-Key', message: 'use 1-128 visible ASCII characters' }]);
  }
  return value;
}
