import * as z from 'zod';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { HttpResponse } from './api-gateway-event.ts';
import type { LocalPage, LocalPageRequest } from './http-server.ts';
import { messagePage } from './local-page-html.ts';
import { formParameters, json, oauthError, origin, parameter, randomToken, redirect, withQuery } from './oauth-http.ts';
import { federatedSignInPage } from './sign-in-page.ts';
import { nameFromEmail, subjectForName } from './token-claims.ts';

/** The issuer of the local identity provider: any organisation's provider, played locally. `.invalid` never resolves. */
export const LOCAL_IDP_ISSUER = 'https://local-idp.servicedesk.invalid';
/** The user pool as the identity provider's client, as Cognito is registered with an organisation's provider. */
export const LOCAL_IDP_CLIENT_ID = 'servicedesk-local-user-pool';
/** Where the local identity provider's endpoints live on the local server. */
export const LOCAL_IDP_PATH = '/local-idp';

const ALGORITHM = 'ES256';
/** Codes are redeemed right away by the user pool; Cognito's own last 5 minutes. */
const CODE_LIFETIME_MS = 5 * 60_000;

export interface FederatedIssuerOptions {
  /** The user pool's `/oauth2/idpresponse` URLs: the only places it sends people back to. */
  redirectUris: readonly string[];
  now?: () => Date;
}

export interface FederatedAuthorizeParameters {
  redirectUri: string;
  state: string;
  nonce: string;
  /** What the page says it stands in for. */
  providerName: string;
  loginHint?: string;
}

/** What the identity provider vouches for: its own subject for the person, and their verified address. */
export interface FederatedIdentity {
  sub: string;
  email: string;
  name: string;
}

export interface FederatedIssuer {
  readonly issuer: string;
  readonly publicJwk: JWK;
  /** Its endpoints under LOCAL_IDP_PATH: discovery, JWKS, authorize (a page) and token. */
  readonly page: LocalPage;
  /** Where the user pool sends a person to sign in with it. */
  authorizeUrl(serverOrigin: string, parameters: FederatedAuthorizeParameters): string;
  /** What its token endpoint does: the code's ID token, once. */
  redeem(code: string, clientId: string, redirectUri: string): Promise<string>;
  /** Checks the ID token as the user pool does: signature, issuer, audience, expiry, nonce, a verified email. */
  verify(idToken: string, nonce: string): Promise<FederatedIdentity>;
}

export class FederatedGrantError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant',
    message: string,
  ) {
    super(message);
    this.name = 'FederatedGrantError';
  }
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  nonce: string;
  email: string;
  expiresAt: number;
}

const emailSchema = z.email();

/** The stand-in for an organisation's OpenID Connect provider: its own key, issuer, sign-in page and token endpoint. */
export async function createFederatedIssuer(options: FederatedIssuerOptions): Promise<FederatedIssuer> {
  const now = options.now ?? (() => new Date());
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const exported = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(exported);
  const publicJwk: JWK = { ...exported, kid, alg: ALGORITHM, use: 'sig' };
  const codes = new Map<string, IssuedCode>();

  const sign = (claims: JWTPayload) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(LOCAL_IDP_ISSUER)
      .setAudience(LOCAL_IDP_CLIENT_ID)
      .setIssuedAt(Math.floor(now().getTime() / 1000))
      .setExpirationTime(Math.floor(now().getTime() / 1000) + 3600)
      .sign(privateKey as CryptoKey);

  const redeem = async (code: string, clientId: string, redirectUri: string): Promise<string> => {
    const issued = codes.get(code);
    codes.delete(code);
    if (!issued || issued.expiresAt <= now().getTime()) throw new FederatedGrantError('invalid_grant', 'the code is unknown, expired or already used');
    if (issued.clientId !== clientId) throw new FederatedGrantError('invalid_grant', 'the code was issued to another client_id');
    if (issued.redirectUri !== redirectUri) throw new FederatedGrantError('invalid_grant', 'redirect_uri does not match the authorize request');
    return sign({ sub: subjectForName(`local-idp:${issued.email}`), email: issued.email, email_verified: true, name: nameFromEmail(issued.email), nonce: issued.nonce });
  };

  /** client_id and redirect_uri are checked before anything is sent back to redirect_uri. */
  const authorizeRequest = (parameters: URLSearchParams): { fields: Record<string, string>; redirectUri: string; state?: string } | HttpResponse => {
    const clientId = parameter(parameters, 'client_id');
    const redirectUri = parameter(parameters, 'redirect_uri');
    if (clientId !== LOCAL_IDP_CLIENT_ID) return messagePage(400, 'Unknown client', `client_id must be ${LOCAL_IDP_CLIENT_ID}, the user pool's client of this provider.`);
    if (!redirectUri || !options.redirectUris.includes(redirectUri)) return messagePage(400, 'Unknown redirect URI', `redirect_uri must be one of: ${options.redirectUris.join(', ')}.`);
    const state = parameter(parameters, 'state');
    const fields: Record<string, string> = { client_id: clientId, redirect_uri: redirectUri };
    for (const name of ['state', 'nonce', 'provider_name'] as const) {
      const value = parameter(parameters, name);
      if (value !== undefined) fields[name] = value;
    }
    return { fields, redirectUri, ...(state ? { state } : {}) };
  };

  const page: LocalPage = async (request: LocalPageRequest) => {
    const path = request.url.pathname;
    if (!path.startsWith(`${LOCAL_IDP_PATH}/`)) return undefined;
    const serverOrigin = request.url.origin;
    if (path === `${LOCAL_IDP_PATH}/.well-known/openid-configuration` && request.method === 'GET') {
      return json(200, {
        issuer: LOCAL_IDP_ISSUER,
        authorization_endpoint: `${serverOrigin}${LOCAL_IDP_PATH}/authorize`,
        token_endpoint: `${serverOrigin}${LOCAL_IDP_PATH}/token`,
        jwks_uri: `${serverOrigin}${LOCAL_IDP_PATH}/.well-known/jwks.json`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: [ALGORITHM],
        scopes_supported: ['openid', 'email', 'profile'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'none'],
      });
    }
    if (path === `${LOCAL_IDP_PATH}/.well-known/jwks.json` && request.method === 'GET') return json(200, { keys: [publicJwk] });

    if (path === `${LOCAL_IDP_PATH}/authorize` && request.method === 'GET') {
      const parsed = authorizeRequest(request.url.searchParams);
      if ('statusCode' in parsed) return parsed;
      if (request.url.searchParams.get('response_type') !== 'code') {
        return redirect(withQuery(parsed.redirectUri, { error: 'unsupported_response_type', error_description: 'response_type must be code', state: parsed.state }));
      }
      return federatedSignInPage(200, {
        providerName: parsed.fields.provider_name ?? 'Local identity provider',
        action: `${LOCAL_IDP_PATH}/authorize`,
        fields: parsed.fields,
        email: parameter(request.url.searchParams, 'login_hint') ?? '',
        formTargets: [origin(parsed.redirectUri)],
      });
    }

    if (path === `${LOCAL_IDP_PATH}/authorize` && request.method === 'POST') {
      const form = (await formParameters(request)) ?? new URLSearchParams();
      const parsed = authorizeRequest(form);
      if ('statusCode' in parsed) return parsed;
      const typed = (form.get('email') ?? '').trim().toLowerCase();
      if (!emailSchema.safeParse(typed).success) {
        return federatedSignInPage(400, {
          providerName: parsed.fields.provider_name ?? 'Local identity provider',
          action: `${LOCAL_IDP_PATH}/authorize`,
          fields: parsed.fields,
          email: form.get('email') ?? '',
          emailError: 'Enter an email address, such as jane@example.org.',
          formTargets: [origin(parsed.redirectUri)],
        });
      }
      const code = randomToken();
      codes.set(code, { clientId: LOCAL_IDP_CLIENT_ID, redirectUri: parsed.redirectUri, nonce: parsed.fields.nonce ?? '', email: typed, expiresAt: now().getTime() + CODE_LIFETIME_MS });
      return redirect(withQuery(parsed.redirectUri, { code, state: parsed.state }));
    }

    if (path === `${LOCAL_IDP_PATH}/token` && request.method === 'POST') {
      const form = await formParameters(request);
      if (!form) return oauthError(400, 'invalid_request', 'send the parameters as application/x-www-form-urlencoded');
      if (parameter(form, 'grant_type') !== 'authorization_code') return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code');
      const code = parameter(form, 'code');
      const clientId = parameter(form, 'client_id');
      const redirectUri = parameter(form, 'redirect_uri');
      if (!code) return oauthError(400, 'invalid_request', 'code is required');
      if (!redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri is required');
      if (clientId !== LOCAL_IDP_CLIENT_ID) return oauthError(401, 'invalid_client', `client_id must be ${LOCAL_IDP_CLIENT_ID}`);
      try {
        const idToken = await redeem(code, clientId, redirectUri);
        return json(200, { id_token: idToken, access_token: randomToken(), token_type: 'Bearer', expires_in: 3600 });
      } catch (error) {
        if (error instanceof FederatedGrantError) return oauthError(400, error.error, error.message);
        throw error;
      }
    }
    return undefined;
  };

  return {
    issuer: LOCAL_IDP_ISSUER,
    publicJwk,
    page,
    authorizeUrl(serverOrigin, parameters) {
      return withQuery(`${serverOrigin}${LOCAL_IDP_PATH}/authorize`, {
        response_type: 'code',
        client_id: LOCAL_IDP_CLIENT_ID,
        redirect_uri: parameters.redirectUri,
        scope: 'openid email profile',
        state: parameters.state,
        nonce: parameters.nonce,
        provider_name: parameters.providerName,
        login_hint: parameters.loginHint,
      });
    },
    redeem,
    async verify(idToken, nonce) {
      const { payload } = await jwtVerify(idToken, publicKey, { issuer: LOCAL_IDP_ISSUER, audience: LOCAL_IDP_CLIENT_ID, algorithms: [ALGORITHM], currentDate: now() });
      if (payload.nonce !== nonce) throw new FederatedGrantError('invalid_grant', 'the ID token does not carry the nonce of the sign-in');
      if (typeof payload.email !== 'string' || payload.email_verified !== true) throw new FederatedGrantError('invalid_grant', 'the provider did not vouch for a verified email');
      return { sub: String(payload.sub), email: payload.email.toLowerCase(), name: typeof payload.name === 'string' ? payload.name : nameFromEmail(payload.email) };
    },
  };
}
