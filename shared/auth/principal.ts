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
 * Reads a list claim as API Gateway delivers it ("[admin agent]"), as JSON, or as a real array.
 */
export function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  const text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: API Gateway's "[a b]" rendering
    }
    return text.slice(1, -1).split(/[\s,]+/).filter(Boolean);
  }
  return text.split(/[\s,]+/).filter(Boolean);
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
  const tokenScopes = scopes?.length ? [...scopes] : claimList(claims.scope);
  const isClientCredentials =
    claims.token_use === 'access' && typeof claims.client_id === 'string' && claims.username === undefined && claims.email === undefined;
  if (isClientCredentials) {
    return { kind: 'client', clientId: String(claims.client_id), scopes: tokenScopes };
  }
  const groups = claimList(claims['cognito:groups']);
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
