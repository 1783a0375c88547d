/** A problem detail: where in the input, and what is wrong there. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** Base of every expected failure; the HTTP layer maps each subclass to a status code by class. */
export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is malformed or breaks a rule; details name each field. */
export class ValidationError extends AppError {
  readonly code = 'validation_failed';
}

export class UnauthenticatedError extends AppError {
  readonly code = 'unauthenticated';
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
}

/** Also used for things that exist but that the caller may not see, so their existence does not leak. */
export class NotFoundError extends AppError {
  readonly code = 'not_found';
}

/** The write raced another one; retrying the request is safe. */
export class ConflictError extends AppError {
  readonly code = 'conflict';
}

/** The ticket is not resolved, so its requester has no resolution to confirm or reopen (409). */
export class TicketNotResolvedError extends AppError {
  readonly code = 'ticket_not_resolved';
}

/** The caller's If-Match names a version that is no longer current. */
export class PreconditionFailedError extends AppError {
  readonly code = 'precondition_failed';
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message, [{ path: 'If-Match', message: `current version is ${currentVersion}` }]);
  }
}

/** The request is well formed but cannot be applied as sent (422); details name what to change. */
export abstract class UnprocessableError extends AppError {}

/** An Idempotency-Key the caller used within the last day for a request with another body. */
export class IdempotencyKeyReusedError extends UnprocessableError {
  readonly code = 'idempotency_key_reused';
}

/** A change with consequences the request must confirm in a field of its own, which it did not. */
export class ConfirmationRequiredError extends UnprocessableError {
  readonly code = 'confirmation_required';
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'unsupported_media_type';
}
