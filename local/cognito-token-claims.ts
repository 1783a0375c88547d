import { createHash } from 'node:crypto';
import type { IdentityProviderConfig } from '#shared/config/sign-in-schema';
import type { TokenClaims } from './issuer.ts';
import { personClaims, subjectForName, type TokenPerson } from './token-claims.ts';

/** The local stand-in for the user pool's id, as federated users' automatic group names carry it. */
export const LOCAL_USER_POOL_ID = 'local_servicedesk';

/** The scopes the local web client may ask for, as the stack allows its web client. */
export const WEB_CLIENT_SCOPES: readonly string[] = ['openid', 'email', 'profile'];

/** One entry of a federated user's `identities` claim. */
export interface CognitoIdentity {
  userId: string;
  providerName: string;
  providerType: 'OIDC' | 'SAML';
  issuer: string | null;
  primary: 'true';
  dateCreated: string;
}

/** A user of the pool as the tokens describe them: signed in with the pool itself, or through a provider. */
export interface PoolUser {
  sub: string;
  /** `cognito:username` of the ID token, `username` of the access token. */
  username: string;
  email: string;
  name: string;
  groups: readonly string[];
  identities?: readonly CognitoIdentity[];
}

/** What one sign-in's tokens share: refreshed tokens keep its auth_time, origin_jti and event_id. */
export interface AuthenticationEvent {
  clientId: string;
  scope: string;
  /** Seconds since the epoch. */
  authTime: number;
  originJti: string;
  eventId: string;
}

/** A person signed in with the pool's own page. */
export function nativeUser(person: TokenPerson): PoolUser {
  const claims = personClaims(person);
  return { sub: String(claims.sub), username: String(claims['cognito:username']), email: person.email, name: person.name, groups: [...person.groups] };
}

/**
 * A person who signed in through an identity provider: Cognito names them `<provider>_<their sub there>`,
 * gives them a sub of their own and puts them in the provider's automatic group.
 */
export function federatedUser(person: TokenPerson, provider: Pick<IdentityProviderConfig, 'id' | 'type'>, providerSubject: string, created: Date): PoolUser {
  const username = `${provider.id}_${providerSubject}`;
  return {
    sub: subjectForName(username),
    username,
    email: person.email,
    name: person.name,
    groups: [`${LOCAL_USER_POOL_ID}_${provider.id}`, ...person.groups],
    identities: [
      {
        userId: providerSubject,
        providerName: provider.id,
        providerType: provider.type === 'saml' ? 'SAML' : 'OIDC',
        issuer: null,
        primary: 'true',
        dateCreated: String(created.getTime()),
      },
    ],
  };
}

/** The ID token's claims (iss, iat, exp and jti are added by the issuer when it signs). */
export function idTokenClaims(user: PoolUser, event: AuthenticationEvent, accessToken: string, nonce?: string): TokenClaims {
  return {
    at_hash: accessTokenHash(accessToken),
    sub: user.sub,
    ...(user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {}),
    email_verified: true,
    'cognito:username': user.username,
    origin_jti: event.originJti,
    aud: event.clientId,
    ...(user.identities ? { identities: user.identities.map((identity) => ({ ...identity })) } : {}),
    event_id: event.eventId,
    token_use: 'id',
    auth_time: event.authTime,
    name: user.name,
    ...(nonce !== undefined ? { nonce } : {}),
    email: user.email,
  };
}

/** The access token's claims: who and which client, groups and scopes; no email, no aud. */
export function accessTokenClaims(user: PoolUser, event: AuthenticationEvent): TokenClaims {
  return {
    sub: user.sub,
    ...(user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {}),
    version: 2,
    client_id: event.clientId,
    origin_jti: event.originJti,
    event_id: event.eventId,
    token_use: 'access',
    scope: event.scope,
    auth_time: event.authTime,
    username: user.username,
  };
}

/** What `/oauth2/userInfo` answers: Cognito sends email_verified as a string, identities as JSON text. */
export function userInfoClaims(user: PoolUser): Record<string, string> {
  return {
    sub: user.sub,
    email_verified: 'true',
    email: user.email,
    name: user.name,
    username: user.username,
    ...(user.identities ? { identities: JSON.stringify(user.identities) } : {}),
  };
}

/** OpenID Connect's at_hash: the left half of the SHA-256 of the access token, base64url. */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}
