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

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'unsupported_media_type';
}
