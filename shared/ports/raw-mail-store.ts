/**
 * Where one received message is kept, as the S3 event notification names it: the bucket SES's S3
 * action writes to and the object key (already URL-decoded). `npm start` keeps the same keys as
 * files under `.local/mail/`.
 */
export interface RawMailLocation {
  bucket: string;
  key: string;
  /** The object's size in bytes when the notification carries it, so an oversized mail is refused before it is read. */
  size?: number;
}

/**
 * The largest message SES receiving stores with its S3 action (40 MB, headers included). Counted
 * as MiB: refusing a message SES itself accepted would lose it, a few spare bytes cost nothing.
 */
export const MAX_RAW_MAIL_BYTES = 40 * 1024 * 1024;

/**
 * Reads the raw MIME bytes of a received message, exactly as stored: S3 on AWS, a local directory
 * in `npm start`. Failures the intake handles by class: RawMailNotFoundError and
 * RawMailTooLargeError will never succeed on a retry; anything else may.
 */
export interface RawMailStore {
  get(location: RawMailLocation): Promise<Buffer>;
}

/** Formats a location the way the S3 console and CLI spell it, for error messages and logs. */
export function describeRawMailLocation(location: RawMailLocation): string {
  return `s3://${location.bucket}/${location.key}`;
}

/** The notification named an object that is not there (deleted, or expired by a lifecycle rule). */
export class RawMailNotFoundError extends Error {
  constructor(
    readonly location: RawMailLocation,
    options?: { cause?: unknown },
  ) {
    super(`Raw mail ${describeRawMailLocation(location)} does not exist`, options);
    this.name = 'RawMailNotFoundError';
  }
}

/** The stored message is larger than the intake reads; it is refused rather than loaded into memory. */
export class RawMailTooLargeError extends Error {
  constructor(
    readonly location: RawMailLocation,
    readonly sizeBytes: number,
    readonly maxBytes: number,
  ) {
    super(`Raw mail ${describeRawMailLocation(location)} is ${sizeBytes} bytes, over the ${maxBytes}-byte limit (SES receiving stores at most 40 MB)`);
    this.name = 'RawMailTooLargeError';
  }
}
