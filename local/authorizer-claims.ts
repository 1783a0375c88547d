/**
 * How API Gateway's JWT authorizer hands claims to the function: every value as a string, arrays
 * as "[a b]" (so `cognito:groups` arrives as "[admin agent]"), objects as "map[k:v]". Handlers must
 * parse these strings, so the local server delivers the same.
 */
export function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    flat[name] = claimToString(value);
  }
  return flat;
}

function claimToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(claimToString).join(' ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([key, item]) => `${key}:${claimToString(item)}`).join(' ')}]`;
  }
  return String(value);
}

/** The authorizer's `scopes`: the `scope` claim split on spaces; null when the token has none (ID tokens). */
export function scopesFromClaims(claims: Record<string, unknown>): string[] | null {
  const scope = claims.scope;
  if (typeof scope !== 'string' || scope.trim() === '') return null;
  return scope.split(' ').filter(Boolean);
}
