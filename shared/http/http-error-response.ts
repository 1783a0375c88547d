import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  TicketNotResolvedError,
  UnauthenticatedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors.ts';
import { jsonResponse } from './json-response.ts';

/** Status code of each expected error, by class; anything else is a 500. */
const STATUS_BY_CLASS: [abstract new (...args: never[]) => AppError, number][] = [
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [TicketNotResolvedError, 409],
  [PayloadTooLargeError, 413],
  [PreconditionFailedError, 412],
  [UnsupportedMediaTypeError, 415],
  [UnprocessableError, 422],
];

export function statusOf(error: AppError): number {
  return STATUS_BY_CLASS.find(([type]) => error instanceof type)?.[1] ?? 500;
}

/** The API's error body: `{ error: { code, message, details } }`. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error instanceof PreconditionFailedError) headers.etag = `"${error.currentVersion}"`;
    if (error instanceof UnauthenticatedError) headers['www-authenticate'] = 'Bearer';
    return jsonResponse(statusOf(error), { error: { code: error.code, message: error.message, details: error.details } }, headers);
  }
  return jsonResponse(500, { error: { code: 'internal_error', message: 'Something went wrong on our side; the request can be retried', details: [] } });
}
