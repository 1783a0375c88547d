import type { JWTPayload } from 'jose';

/** How many verified tokens are kept: far more than the people of a local desk hold at once. */
const MAX_ENTRIES = 1000;

/**
 * Wraps a token check so a token that passed it is not checked again until it expires: a token's
 * signature and claims cannot change, and checking an ES256 signature costs about a quarter of a
 * millisecond of every local API call. Only successes are kept; a kept token is checked again once
 * its `exp` (or a future `nbf`) says it is no longer valid, so the full check gives the reason.
 */
export function withVerifiedTokenCache<Claims extends JWTPayload>(
  verify: (token: string) => Promise<Claims>,
  options: { maxEntries?: number; nowSeconds?: () => number } = {},
): (token: string) => Promise<Claims> {
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const verified = new Map<string, Claims>();
  return async (token) => {
    const kept = verified.get(token);
    const now = nowSeconds();
    // A copy, so what one request does with its claims never reaches the next.
    if (kept && isCurrent(kept, now)) return { ...kept };
    verified.delete(token);
    const claims = await verify(token);
    // Dropped all at once when full: the next calls check their tokens again.
    if (verified.size >= maxEntries) verified.clear();
    verified.set(token, claims);
    return { ...claims };
  };
}

// As jose judges them: expired once exp <= now, not yet valid while nbf > now.
function isCurrent(claims: JWTPayload, now: number): boolean {
  return typeof claims.exp === 'number' && claims.exp > now && (claims.nbf === undefined || claims.nbf <= now);
}
