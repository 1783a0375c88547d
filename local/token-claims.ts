import { createHash } from 'node:crypto';
import { STAFF_GROUPS } from '#shared/auth/scopes';
import type { ServiceDeskConfig, StaffRole } from '#shared/config/config-schema';
import { LOCAL_CLIENT_ID, LOCAL_MACHINE_CLIENT_ID, type TokenClaims } from './issuer.ts';

export type TokenRole = StaffRole | 'requester';
export const TOKEN_ROLES: readonly TokenRole[] = [...STAFF_GROUPS, 'requester'];
export const DEFAULT_REQUESTER_EMAIL = 'requester@example.org';

/** Namespace of the local subject ids, so they never collide with other UUID v5 users. */
const SUBJECT_NAMESPACE = 'd3b07384-d9a0-4c9b-8f3e-5e1b8a6f2c11';

/** A person as a token describes them. */
export interface TokenPerson {
  email: string;
  name: string;
  /** Cognito groups; none for requesters. */
  groups: readonly string[];
}

export class UnknownRoleError extends Error {
  constructor(role: string) {
    super(`Unknown role "${role}"; use one of: ${TOKEN_ROLES.join(', ')}.`);
    this.name = 'UnknownRoleError';
  }
}

export function isTokenRole(value: string): value is TokenRole {
  return (TOKEN_ROLES as readonly string[]).includes(value);
}

/**
 * Who a token is for: a given email that is a staff user gets that user's role; otherwise the first
 * configured user of the role; a requester needs no config entry.
 */
export function resolveTokenPerson(config: ServiceDeskConfig, options: { role?: string; email?: string }): TokenPerson {
  const email = options.email?.toLowerCase();
  const staffUser = email ? config.users.find((user) => user.email === email) : undefined;
  if (staffUser) return { email: staffUser.email, name: staffUser.name, groups: [staffUser.role] };
  const role = options.role ?? 'requester';
  if (!isTokenRole(role)) throw new UnknownRoleError(role);
  if (role === 'requester') {
    const requesterEmail = email ?? DEFAULT_REQUESTER_EMAIL;
    return { email: requesterEmail, name: nameFromEmail(requesterEmail), groups: [] };
  }
  if (email) {
    // Not in the directory, but asked for a staff role: trust the caller, as a Cognito group would.
    return { email, name: nameFromEmail(email), groups: [role] };
  }
  const first = config.users.find((user) => user.role === role);
  if (!first) throw new Error(`No user with role ${role} in the configuration; add one to users or pass --email.`);
  return { email: first.email, name: first.name, groups: [role] };
}

/** The claims of a Cognito ID token for a person. */
export function personClaims(person: TokenPerson): TokenClaims {
  const sub = subjectForEmail(person.email);
  return {
    sub,
    'cognito:username': sub,
    email: person.email,
    email_verified: true,
    name: person.name,
    ...(person.groups.length > 0 ? { 'cognito:groups': [...person.groups] } : {}),
    token_use: 'id',
    aud: LOCAL_CLIENT_ID,
  };
}

/** The claims of a Cognito access token from the client-credentials flow. */
export function machineClientClaims(clientId: string = LOCAL_MACHINE_CLIENT_ID, scopes: readonly string[] = []): TokenClaims {
  return { sub: clientId, client_id: clientId, scope: scopes.join(' '), token_use: 'access', version: 2 };
}

/** A stable, UUID-shaped subject per email (UUID v5 layout over SHA-1), like Cognito's sub. */
export function subjectForEmail(email: string): string {
  return subjectForName(email.toLowerCase());
}

/** A stable, UUID-shaped subject for any user name (a federated user's `<provider>_<sub>`). */
export function subjectForName(name: string): string {
  const namespace = Buffer.from(SUBJECT_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "jane.doe@example.org" -> "Jane Doe": a readable name for people not in the directory. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}
