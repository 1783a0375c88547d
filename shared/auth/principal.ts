import type { StaffRole } from '../config/config-schema.ts';
import { UnauthenticatedError } from '../errors.ts';
import { STAFF_GROUPS } from './scopes.ts';

/** A signed-in person: staff by Cognito group, a requester otherwise. */
export interface UserPrincipal {
  kind: 'user';
  sub: string;
  /** Lower-cased, and only present when the issuer verified it. */
  email?: string;
  name?: string;
  roles: StaffRole[];
}

/** A system calling with client credentials; its rights are its OAuth scopes. */
export interface ClientPrincipal {
  kind: 'client';
  clientId: string;
  scopes: string[];
}

export type Principal = UserPrincipal | ClientPrincipal;

export type Claims = Record<string, unknown>;

/**
 * The groups of the `cognito:groups` claim, whole names only. API Gateway's JWT authorizer renders
 * an array claim as one string, "[admin agent]": the elements between one pair of brackets, joined
 * by spaces. Cognito group names hold no white space, so splitting on it is exact; commas, quotes
 * and brackets inside a name stay part of that name (a group `x,admin` or `["admin"]` is not admin).
 * A real array (a verified token read directly) is taken as it is; a plain string is one name.
 */
export function groupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  if (typeof value !== 'string' || value === '') return [];
  if (value.startsWith('[') && value.endsWith(']')) return value.slice(1, -1).split(/\s+/).filter(Boolean);
  return [value];
}

/** The `scope` claim: OAuth scopes are one string separated by spaces (RFC 6749, section 3.3). */
function scopeClaim(value: unknown): string[] {
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : [];
}

const claimTrue = (value: unknown): boolean => value === true || value === 'true';

/**
 * Builds the caller from the JWT claims the authorizer passed on: the same claim shape from Cognito
 * and from the local issuer. An access token without a user (client credentials) is a machine client.
 */
export function principalFromClaims(claims: Claims | undefined, scopes?: readonly string[] | null): Principal {
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') {
    throw new UnauthenticatedError('A bearer token is required');
  }
  const tokenScopes = scopes?.length ? [...scopes] : scopeClaim(claims.scope);
  const isClientCredentials = claims.token_use === 'access' && typeof claims.client_id === 'string' && claims.username === undefined && claims.email === undefined;
  if (isClientCredentials) {
    return { kind: 'client', clientId: String(claims.client_id), scopes: tokenScopes };
  }
  const groups = groupsClaim(claims['cognito:groups']);
  const roles = STAFF_GROUPS.filter((group) => groups.includes(group));
  const email = typeof claims.email === 'string' && claimTrue(claims.email_verified) ? claims.email.toLowerCase() : undefined;
  return {
    kind: 'user',
    sub: claims.sub,
    ...(email ? { email } : {}),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    roles,
  };
}
