import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../../shared/errors.ts';
import { createTicketBodySchema, updateTicketBodySchema } from '../../../shared/http/api-schemas.ts';
import { listTicketsQuerySchema } from '../../../shared/http/list-query-schemas.ts';
import { errorResponse } from '../../../shared/http/http-error-response.ts';
import { MAX_BODY_BYTES, parseIfMatch, parseIdempotencyKey, parseJsonBody, validate } from '../../../shared/http/request-parsing.ts';

const event = (body?: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({ body, headers, isBase64Encoded: false }) as unknown as APIGatewayProxyEventV2;

function detailsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
}

describe('request parsing', () => {
  it('names every invalid and unknown field of a body', () => {
    const details = detailsOf(() => validate(createTicketBodySchema, { subject: '', requester: { email: 'not-an-email' }, colour: 'red', priority: 'P9' }, 'ticket'));
    expect(details.map((detail) => detail.path).sort()).toEqual(['colour', 'priority', 'requester.email', 'subject']);
    expect(details.find((detail) => detail.path === 'colour')?.message).toBe('is not a known field');
  });

  it('names a custom field whose name is not allowed, saying why', () => {
    expect(detailsOf(() => validate(updateTicketBodySchema, { customFields: { _x: 1, constructor: 'x', toString: null } }, 'update'))).toEqual([
      { path: 'customFields._x', message: 'use letters, digits and _, starting with a letter' },
      { path: 'customFields.constructor', message: 'is a reserved name' },
      { path: 'customFields.toString', message: 'is a reserved name' },
    ]);
  });

  it('refuses custom fields over 64 KB in all, naming them', () => {
    const customFields = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`field${index}`, 'x'.repeat(2000)]));
    expect(detailsOf(() => validate(createTicketBodySchema, { subject: 'Big form', customFields }, 'ticket'))).toEqual([{ path: 'customFields', message: 'take at most 64 KB in all' }]);
  });

  it('refuses an empty update', () => {
    expect(detailsOf(() => validate(updateTicketBodySchema, {}, 'update'))).toEqual([{ path: 'body', message: 'give at least one field to change' }]);
  });

  it('validates list filters, naming the query parameter', () => {
    expect(
      detailsOf(() => validate(listTicketsQuerySchema, { status: 'open,bogus', limit: '500' }, 'query'))
        .map((d) => d.path)
        .sort(),
    ).toEqual(['limit', 'status']);
    expect(validate(listTicketsQuerySchema, { status: 'open,pending', limit: '10' }, 'query')).toMatchObject({ status: 'open,pending', limit: 10 });
  });

  it('answers broken JSON with a 400 that names the body', () => {
    expect(detailsOf(() => parseJsonBody(event('{"subject": '))).map((detail) => detail.path)).toEqual(['body']);
  });

  it('refuses a body that is not JSON with 415', () => {
    expect(() => parseJsonBody(event('subject=x', { 'content-type': 'application/x-www-form-urlencoded' }))).toThrow(UnsupportedMediaTypeError);
  });

  it('refuses a body over the limit with 413', () => {
    const big = JSON.stringify({ description: 'x'.repeat(MAX_BODY_BYTES) });
    expect(() => parseJsonBody(event(big))).toThrow(PayloadTooLargeError);
    expect(errorResponse(new PayloadTooLargeError('too big')).statusCode).toBe(413);
  });

  it('reads the version from If-Match in its usual spellings', () => {
    expect(parseIfMatch(event(undefined, { 'If-Match': '"3"' }))).toBe(3);
    expect(parseIfMatch(event(undefined, { 'if-match': 'W/"4"' }))).toBe(4);
    expect(parseIfMatch(event(undefined, { 'if-match': '*' }))).toBeUndefined();
    expect(detailsOf(() => parseIfMatch(event(undefined, { 'if-match': '"abc"' })))).toEqual([{ path: 'If-Match', message: 'send the ETag of the ticket, e.g. "3"' }]);
  });

  it('refuses an Idempotency-Key with control characters', () => {
    expect(parseIdempotencyKey(event(undefined, { 'idempotency-key': 'order-42' }))).toBe('order-42');
    expect(detailsOf(() => parseIdempotencyKey(event(undefined, { 'idempotency-key': 'a\r\nb' })))[0]?.path).toBe('Idempotency-Key');
  });

  it('never reveals an unexpected error to the caller', () => {
    const response = errorResponse(new TypeError('secret internals at line 3'));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
  });
});
