import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import type { Principal } from '../auth/principal.ts';
import { IdempotencyKeyReusedError } from '../errors.ts';
import type { IdempotencyClaim } from '../ports/ticket-store.ts';

/** How long an Idempotency-Key is remembered: a client retrying within a day gets its first result. */
const IDEMPOTENCY_SECONDS = 24 * 60 * 60;

/**
 * The claim of an API request's Idempotency-Key. Keys belong to the caller, so two callers never
 * collide; `scope` keeps one key of a caller apart across operations (a create, a comment on a ticket).
 */
export function idempotencyClaim(principal: Principal, now: Date, key: string, scope?: string): IdempotencyClaim {
  return {
    caller: principal.kind === 'client' ? `client:${principal.clientId}` : `user:${principal.sub}`,
    key: scope ? `${scope}:${key}` : key,
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_SECONDS,
  };
}

/**
 * A fingerprint of a request body: a hash of its canonical JSON (keys sorted), taken after the
 * body was parsed, so that two bodies asking for the same thing match however they were written.
 */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256')
    .update(stableStringify(body) ?? '')
    .digest('base64url');
}

/** A replay whose body differs from the first request's: the key names another request. */
export function keyReusedError(): IdempotencyKeyReusedError {
  return new IdempotencyKeyReusedError('This Idempotency-Key was used for another request', [
    { path: 'Idempotency-Key', message: 'was sent within the last day with another body; use a new key for a new request' },
  ]);
}
