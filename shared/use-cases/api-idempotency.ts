import type { Principal } from '../auth/principal.ts';
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
