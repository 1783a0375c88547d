import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { ServiceDeskConfig } from '#shared/config/config-schema';
import type { IdentityProviderConfig } from '#shared/config/sign-in-schema';
import type { HttpResponse } from './api-gateway-event.ts';
import { accessTokenClaims, federatedUser, idTokenClaims, nativeUser, userInfoClaims, WEB_CLIENT_SCOPES, type AuthenticationEvent, type PoolUser } from './cognito-token-claims.ts';
import { FederatedGrantError, LOCAL_IDP_CLIENT_ID, type FederatedIssuer } from './federated-issuer.ts';
import type { LocalPage, LocalPageRequest } from './http-server.ts';
import type { LocalIssuer } from './issuer.ts';
import { messagePage } from './local-page-html.ts';
import type { OAuthClient } from './oauth-client.ts';
import { cookie, formParameters, json, oauthError, origin, parameter, PKCE_VALUE, randomToken, redirect, verifierMatches, withQuery } from './oauth-http.ts';
import { signInPage } from './sign-in-page.ts';
import { resolveTokenPerson } from './token-claims.ts';

/** The sign-up rule: whether a person without an account may have one made by signing in. */
export type MayCreateAccount = (email: string) => Promise<{ allowed: true } | { allowed: false; reason: string }>;

export interface OidcProviderOptions {
  issuer: LocalIssuer;
  config: ServiceDeskConfig;
  /** The app clients that may sign people in (the local web client). */
  clients: readonly OAuthClient[];
  /** The server's origins (http://localhost:3000, http://127.0.0.1:3000); the first is used for a request from elsewhere. */
  origins: readonly string[];
  /** Plays every configured identity provider. */
  federatedIssuer: FederatedIssuer;
  /** Asked before a new requester's account is made; every address may by default. */
  mayCreateAccount?: MayCreateAccount;
  now?: () => Date;
}

/** The issuer's session cookie, like managed login's: one hour, this server only, never read by scripts. */
export const SESSION_COOKIE = 'servicedesk-local-session';
const SESSION_SECONDS = 3600;
/** Cognito's authorization codes last 5 minutes. */
const CODE_LIFETIME_MS = 5 * 60_000;
/** How long a sign-in page (or a round trip to a provider) may take. */
const PENDING_LIFETIME_MS = 15 * 60_000;
const TOKEN_SECONDS = 3600;
/** What the managed login calls its own sign-in, as against an identity provider's. */
const NATIVE_PROVIDER = 'COGNITO';

interface AuthorizeRequest {
  client: OAuthClient;
  redirectUri: string;
  state?: string;
  nonce?: string;
  codeChallenge: string;
  scope: string;
  prompt?: string;
  identityProvider?: IdentityProviderConfig;
}

interface PendingSignIn {
  request: AuthorizeRequest;
  expiresAt: number;
  /** Set once the person is sent to a provider: which one, and the nonce its ID token must carry. */
  federation?: { provider: IdentityProviderConfig; nonce: string };
}

interface Session {
  user: PoolUser;
  authTime: number;
  expiresAt: number;
}

interface IssuedCode {
  request: AuthorizeRequest;
  user: PoolUser;
  authTime: number;
  expiresAt: number;
}

interface RefreshGrant {
  user: PoolUser;
  event: AuthenticationEvent;
}

const emailSchema = z.email();
const allowEveryone: MayCreateAccount = async () => ({ allowed: true });

/**
 * The local issuer as an OpenID Connect provider with Cognito's endpoints: discovery and JWKS,
 * `/oauth2/authorize` with its sign-in page, `/oauth2/token` (code with PKCE, refresh),
 * `/oauth2/userInfo`, `/oauth2/revoke`, `/logout` and `/oauth2/idpresponse` for federation.
 * Sessions, codes and refresh tokens live in memory: a restart signs everyone out.
 */
export function createOidcProvider(options: OidcProviderOptions): LocalPage {
  const { issuer, config, federatedIssuer } = options;
  const now = options.now ?? (() => new Date());
  const mayCreateAccount = options.mayCreateAccount ?? allowEveryone;
  const pending = new Map<string, PendingSignIn>();
  const sessions = new Map<string, Session>();
  const codes = new Map<string, IssuedCode>();
  const refreshGrants = new Map<string, RefreshGrant>();
  /** Who signed in during this run, by sub, for userInfo. */
  const users = new Map<string, PoolUser>();
  /** Accounts made during this run, by Cognito user name: the sign-up rule is asked once. */
  const accounts = new Set<string>(config.users.map((user) => user.email));

  const nowMs = () => now().getTime();
  const nowSeconds = () => Math.floor(nowMs() / 1000);
  const serverOrigin = (request: LocalPageRequest) => (options.origins.includes(request.url.origin) ? request.url.origin : options.origins[0]!);
  const providerById = (id: string) => config.signIn.identityProviders.find((provider) => provider.id === id);

  // ---- discovery ----

  const discovery = (request: LocalPageRequest): HttpResponse => {
    const base = serverOrigin(request);
    return json(200, {
      issuer: issuer.issuer,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      userinfo_endpoint: `${base}/oauth2/userInfo`,
      revocation_endpoint: `${base}/oauth2/revoke`,
      end_session_endpoint: `${base}/logout`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [issuer.publicJwk.alg],
      scopes_supported: [...WEB_CLIENT_SCOPES],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    });
  };

  // ---- authorize ----

  /** client_id and redirect_uri first: until both are known good, errors are a page, never a redirect. */
  const parseAuthorize = (parameters: URLSearchParams): AuthorizeRequest | HttpResponse => {
    const clientId = parameter(parameters, 'client_id');
    if (!clientId) return messagePage(400, 'Sign-in request not valid', 'client_id is missing: the app must name its app client.');
    const client = options.clients.find((candidate) => candidate.clientId === clientId);
    if (!client) return messagePage(400, 'Sign-in request not valid', `client_id ${clientId} is not an app client of this user pool.`);
    const redirectUri = parameter(parameters, 'redirect_uri');
    if (!redirectUri) return messagePage(400, 'Sign-in request not valid', 'redirect_uri is missing: the app must say where to come back to.');
    if (!client.redirectUris.includes(redirectUri)) {
      return messagePage(400, 'Sign-in request not valid', `redirect_uri ${redirectUri} is not a callback URL of ${clientId}; use one of: ${client.redirectUris.join(', ')}.`);
    }
    const state = parameter(parameters, 'state');
    const refuse = (error: string, description: string) => redirect(withQuery(redirectUri, { error, error_description: description, state }));
    if (parameter(parameters, 'response_type') !== 'code') return refuse('unsupported_response_type', 'response_type must be code');
    const scopes = (parameter(parameters, 'scope') ?? '').split(' ').filter(Boolean);
    if (!scopes.includes('openid')) return refuse('invalid_scope', 'scope must contain openid');
    const unknown = scopes.filter((scope) => !WEB_CLIENT_SCOPES.includes(scope));
    if (unknown.length > 0) return refuse('invalid_scope', `scope ${unknown.join(' ')} is not allowed for ${clientId}; use ${WEB_CLIENT_SCOPES.join(' ')}`);
    const codeChallenge = parameter(parameters, 'code_challenge');
    if (!codeChallenge) return refuse('invalid_request', 'code_challenge is required (PKCE)');
    if (parameter(parameters, 'code_challenge_method') !== 'S256') return refuse('invalid_request', 'code_challenge_method must be S256');
    if (!PKCE_VALUE.test(codeChallenge)) return refuse('invalid_request', 'code_challenge must be 43 to 128 characters of base64url');
    const providerId = parameter(parameters, 'identity_provider');
    let identityProvider: IdentityProviderConfig | undefined;
    if (providerId !== undefined && providerId !== NATIVE_PROVIDER) {
      identityProvider = providerById(providerId);
      if (!identityProvider)
        return refuse('invalid_request', `identity_provider ${providerId} is not configured; use one of: ${[NATIVE_PROVIDER, ...config.signIn.identityProviders.map((provider) => provider.id)].join(', ')}`);
    }
    const nonce = parameter(parameters, 'nonce');
    const prompt = parameter(parameters, 'prompt');
    return {
      client,
      redirectUri,
      codeChallenge,
      scope: scopes.join(' '),
      ...(state !== undefined ? { state } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
      ...(prompt !== undefined ? { prompt } : {}),
      ...(identityProvider ? { identityProvider } : {}),
    };
  };

  const currentSession = (request: LocalPageRequest): Session | undefined => {
    const id = cookie(request, SESSION_COOKIE);
    const session = id ? sessions.get(id) : undefined;
    if (session && session.expiresAt > nowMs()) return session;
    if (id) sessions.delete(id);
    return undefined;
  };

  const issueCode = (request: AuthorizeRequest, session: Session, headers: Record<string, string | string[]> = {}): HttpResponse => {
    for (const [unused, entry] of codes) if (entry.expiresAt <= nowMs()) codes.delete(unused);
    const code = randomUUID();
    codes.set(code, { request, user: session.user, authTime: session.authTime, expiresAt: nowMs() + CODE_LIFETIME_MS });
    return redirect(withQuery(request.redirectUri, { code, state: request.state }), headers);
  };

  const startPending = (request: AuthorizeRequest): string => {
    for (const [id, entry] of pending) if (entry.expiresAt <= nowMs()) pending.delete(id);
    const id = randomToken();
    pending.set(id, { request, expiresAt: nowMs() + PENDING_LIFETIME_MS });
    return id;
  };

  const toProvider = (request: LocalPageRequest, pendingId: string, provider: IdentityProviderConfig, loginHint?: string): HttpResponse => {
    const entry = pending.get(pendingId)!;
    entry.federation = { provider, nonce: randomToken() };
    const base = serverOrigin(request);
    return redirect(
      federatedIssuer.authorizeUrl(base, {
        redirectUri: `${base}/oauth2/idpresponse`,
        state: pendingId,
        nonce: entry.federation.nonce,
        providerName: provider.name,
        ...(loginHint ? { loginHint } : {}),
      }),
    );
  };

  const renderSignIn = (statusCode: number, pendingId: string, request: AuthorizeRequest, email?: string, emailError?: string): HttpResponse =>
    signInPage(statusCode, {
      deskName: config.email?.name ?? 'the service desk',
      action: '/login',
      requestId: pendingId,
      ...(email !== undefined ? { email } : {}),
      ...(emailError !== undefined ? { emailError } : {}),
      staff: config.users.map((user) => ({ email: user.email, name: user.name, role: user.role })),
      identityProviders: config.signIn.identityProviders.map((provider) => ({ id: provider.id, name: provider.name })),
      formTargets: [origin(request.redirectUri)],
    });

  const authorize = (request: LocalPageRequest): HttpResponse => {
    const parsed = parseAuthorize(request.url.searchParams);
    if ('statusCode' in parsed) return parsed;
    if (parsed.identityProvider) return toProvider(request, startPending(parsed), parsed.identityProvider);
    const session = currentSession(request);
    if (session && parsed.prompt !== 'login') return issueCode(parsed, session);
    if (parsed.prompt === 'none') return redirect(withQuery(parsed.redirectUri, { error: 'login_required', error_description: 'no one is signed in', state: parsed.state }));
    return renderSignIn(200, startPending(parsed), parsed);
  };

  /** Signs the person in: a session cookie on this server, then the code back to the app. */
  const completeSignIn = (pendingId: string, entry: PendingSignIn, user: PoolUser): HttpResponse => {
    pending.delete(pendingId);
    users.set(user.sub, user);
    const sessionId = randomToken();
    const session = { user, authTime: nowSeconds(), expiresAt: nowMs() + SESSION_SECONDS * 1000 };
    sessions.set(sessionId, session);
    return issueCode(entry.request, session, { 'set-cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_SECONDS}` });
  };

  const pendingFor = (pendingId: string | undefined | null): PendingSignIn | undefined => {
    const entry = pendingId ? pending.get(pendingId) : undefined;
    return entry && entry.expiresAt > nowMs() ? entry : undefined;
  };
  const expiredPage = () => messagePage(400, 'This sign-in has expired', 'Go back to the app and sign in again.');

  const submitSignIn = async (request: LocalPageRequest): Promise<HttpResponse> => {
    const form = (await formParameters(request)) ?? new URLSearchParams();
    const pendingId = form.get('request') ?? '';
    const entry = pendingFor(pendingId);
    if (!entry) return expiredPage();

    const providerId = form.get('identity_provider');
    if (providerId) {
      const provider = providerById(providerId);
      if (!provider) return renderSignIn(400, pendingId, entry.request, '', `${providerId} is not an identity provider of this desk.`);
      return toProvider(request, pendingId, provider);
    }

    const staffEmail = form.get('staff');
    if (staffEmail) {
      const staff = config.users.find((user) => user.email === staffEmail);
      if (!staff) return renderSignIn(400, pendingId, entry.request, '', `${staffEmail} is not a staff user of the configuration.`);
      return completeSignIn(pendingId, entry, nativeUser(resolveTokenPerson(config, { email: staff.email })));
    }

    const typed = form.get('email') ?? '';
    const email = typed.trim().toLowerCase();
    if (email === '') return renderSignIn(400, pendingId, entry.request, typed, 'Enter your email address.');
    if (!emailSchema.safeParse(email).success) return renderSignIn(400, pendingId, entry.request, typed, 'Enter an email address such as jane@example.org.');
    // Managed login's identifiers: an address of a provider's domain signs in there.
    const domain = email.split('@')[1]!;
    const provider = config.signIn.identityProviders.find((candidate) => candidate.emailDomains.includes(domain));
    if (provider) return toProvider(request, pendingId, provider, email);
    const person = resolveTokenPerson(config, { email });
    if (!accounts.has(email)) {
      const verdict = await mayCreateAccount(email);
      if (!verdict.allowed) return renderSignIn(403, pendingId, entry.request, typed, verdict.reason);
      accounts.add(email);
    }
    return completeSignIn(pendingId, entry, nativeUser(person));
  };

  /** The provider sent the person back: its code becomes a verified email, and the original sign-in goes on. */
  const identityProviderResponse = async (request: LocalPageRequest): Promise<HttpResponse> => {
    const parameters = request.url.searchParams;
    const pendingId = parameter(parameters, 'state');
    const entry = pendingFor(pendingId);
    if (!pendingId || !entry?.federation) return expiredPage();
    const { provider, nonce } = entry.federation;
    const back = (error: string, description: string) => {
      pending.delete(pendingId);
      return redirect(withQuery(entry.request.redirectUri, { error, error_description: description, state: entry.request.state }));
    };
    const providerError = parameter(parameters, 'error');
    if (providerError) return back(providerError, parameter(parameters, 'error_description') ?? `${provider.name} did not sign the person in`);
    const code = parameter(parameters, 'code');
    if (!code) return back('invalid_request', `${provider.name} answered without a code`);
    let identity;
    try {
      const idToken = await federatedIssuer.redeem(code, LOCAL_IDP_CLIENT_ID, `${serverOrigin(request)}/oauth2/idpresponse`);
      identity = await federatedIssuer.verify(idToken, nonce);
    } catch (error) {
      if (error instanceof FederatedGrantError) return back('invalid_request', `${provider.name}: ${error.message}`);
      return back('invalid_request', `${provider.name} sent an ID token that does not verify`);
    }
    const user = federatedUser(resolveTokenPerson(config, { email: identity.email }), provider, identity.sub, now());
    if (!accounts.has(user.username) && !config.users.some((staff) => staff.email === identity.email)) {
      const verdict = await mayCreateAccount(identity.email);
      if (!verdict.allowed) return back('access_denied', verdict.reason);
      accounts.add(user.username);
    }
    return completeSignIn(pendingId, entry, user);
  };

  // ---- token ----

  const issueTokens = async (user: PoolUser, event: AuthenticationEvent, nonce?: string) => {
    const accessToken = await issuer.sign(accessTokenClaims(user, event), { expiresIn: TOKEN_SECONDS });
    const idToken = await issuer.sign(idTokenClaims(user, event, accessToken, nonce), { expiresIn: TOKEN_SECONDS });
    return { id_token: idToken, access_token: accessToken, expires_in: TOKEN_SECONDS, token_type: 'Bearer' };
  };

  /** A public client names itself in the body; a confidential one may use HTTP Basic (its secret is not checked locally). */
  const clientOf = (request: LocalPageRequest, form: URLSearchParams): string | undefined => {
    const basic = /^Basic\s+(.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    if (basic) return decodeURIComponent(Buffer.from(basic, 'base64').toString('utf8').split(':')[0] ?? '');
    return parameter(form, 'client_id');
  };

  const token = async (request: LocalPageRequest): Promise<HttpResponse> => {
    const form = await formParameters(request);
    if (!form) return oauthError(400, 'invalid_request', 'send the parameters as application/x-www-form-urlencoded');
    const clientId = clientOf(request, form);
    if (!clientId) return oauthError(400, 'invalid_request', 'client_id is required');
    const client = options.clients.find((candidate) => candidate.clientId === clientId);
    if (!client) return oauthError(401, 'invalid_client', `client_id ${clientId} is not an app client of this user pool`);
    const grantType = parameter(form, 'grant_type');
    if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');

    if (grantType === 'authorization_code') {
      const code = parameter(form, 'code');
      const redirectUri = parameter(form, 'redirect_uri');
      const verifier = parameter(form, 'code_verifier');
      if (!code) return oauthError(400, 'invalid_request', 'code is required');
      if (!redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri is required');
      if (!verifier) return oauthError(400, 'invalid_request', 'code_verifier is required (PKCE)');
      const issued = codes.get(code);
      // One attempt per code, right or wrong: a stolen code cannot be tried against verifiers.
      codes.delete(code);
      if (!issued || issued.expiresAt <= nowMs()) return oauthError(400, 'invalid_grant', 'code is unknown, expired or already used');
      if (issued.request.client.clientId !== clientId) return oauthError(400, 'invalid_grant', 'code was issued to another client_id');
      if (issued.request.redirectUri !== redirectUri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match the one of the authorize request');
      if (!verifierMatches(verifier, issued.request.codeChallenge)) return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
      const event: AuthenticationEvent = { clientId, scope: issued.request.scope, authTime: issued.authTime, originJti: randomUUID(), eventId: randomUUID() };
      const refreshToken = randomToken();
      refreshGrants.set(refreshToken, { user: issued.user, event });
      return json(200, { ...(await issueTokens(issued.user, event, issued.request.nonce)), refresh_token: refreshToken });
    }

    if (grantType === 'refresh_token') {
      const refreshToken = parameter(form, 'refresh_token');
      if (!refreshToken) return oauthError(400, 'invalid_request', 'refresh_token is required');
      const grant = refreshGrants.get(refreshToken);
      if (!grant) return oauthError(400, 'invalid_grant', 'refresh_token is unknown or revoked');
      if (grant.event.clientId !== clientId) return oauthError(400, 'invalid_grant', 'refresh_token was issued to another client_id');
      // As Cognito without rotation: new ID and access tokens, the same refresh token stays valid.
      return json(200, await issueTokens(grant.user, grant.event));
    }
    return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  };

  const revoke = async (request: LocalPageRequest): Promise<HttpResponse> => {
    const form = await formParameters(request);
    if (!form) return oauthError(400, 'invalid_request', 'send the parameters as application/x-www-form-urlencoded');
    const tokenValue = parameter(form, 'token');
    if (!tokenValue) return oauthError(400, 'invalid_request', 'token is required');
    const clientId = clientOf(request, form);
    const grant = refreshGrants.get(tokenValue);
    if (grant && grant.event.clientId !== clientId) return oauthError(400, 'unauthorized_client', 'token was issued to another client_id');
    refreshGrants.delete(tokenValue);
    return { statusCode: 200, headers: { 'cache-control': 'no-store' }, body: Buffer.alloc(0) };
  };

  const userInfo = async (request: LocalPageRequest): Promise<HttpResponse> => {
    const bearer = /^Bearer\s+(.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1]?.trim();
    const refuse = (description: string) => oauthError(401, 'invalid_token', description, { 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"` });
    if (!bearer) return { ...refuse('an access token is required'), headers: { 'www-authenticate': 'Bearer', 'content-type': 'application/json' } };
    let claims;
    try {
      claims = await issuer.verify(bearer);
    } catch {
      return refuse('the access token is not valid');
    }
    if (claims.token_use !== 'access') return refuse('send the access token, not the ID token');
    if (typeof claims.username !== 'string') return refuse("a machine client's access token has no user");
    const user = users.get(String(claims.sub));
    if (!user) return refuse('the user signed in before this run of the local issuer; sign in again');
    return json(200, userInfoClaims(user));
  };

  // ---- logout ----

  const endSession = (request: LocalPageRequest): string => {
    const id = cookie(request, SESSION_COOKIE);
    if (id) sessions.delete(id);
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  };

  /** Cognito's /logout: client_id with logout_uri (a sign-out URL), or with redirect_uri and response_type to sign in again. */
  const logout = (request: LocalPageRequest): HttpResponse => {
    const parameters = request.url.searchParams;
    const clientId = parameter(parameters, 'client_id');
    if (!clientId) return messagePage(400, 'Sign-out request not valid', 'client_id is missing: the app must name its app client.');
    const client = options.clients.find((candidate) => candidate.clientId === clientId);
    if (!client) return messagePage(400, 'Sign-out request not valid', `client_id ${clientId} is not an app client of this user pool.`);
    const logoutUri = parameter(parameters, 'logout_uri');
    if (logoutUri !== undefined) {
      if (!client.signOutUris.includes(logoutUri)) {
        return messagePage(400, 'Sign-out request not valid', `logout_uri ${logoutUri} is not a sign-out URL of ${clientId}; use one of: ${client.signOutUris.join(', ')}.`);
      }
      return redirect(logoutUri, { 'set-cookie': endSession(request) });
    }
    if (parameter(parameters, 'redirect_uri') !== undefined) {
      const parsed = parseAuthorize(parameters);
      if ('statusCode' in parsed && parsed.statusCode !== 302) return parsed;
      const signIn = new URL(`${serverOrigin(request)}/oauth2/authorize`);
      for (const [name, value] of parameters) signIn.searchParams.append(name, value);
      return redirect(signIn.toString(), { 'set-cookie': endSession(request) });
    }
    return messagePage(400, 'Sign-out request not valid', 'logout_uri is missing: the app must say where to go after signing out.');
  };

  return async (request) => {
    const path = request.url.pathname;
    const method = request.method;
    if (method === 'GET' && path === '/.well-known/openid-configuration') return discovery(request);
    if (method === 'GET' && path === '/.well-known/jwks.json') return json(200, { keys: [issuer.publicJwk] }, { 'cache-control': 'max-age=300' });
    if (method === 'GET' && path === '/oauth2/authorize') return authorize(request);
    if (method === 'POST' && path === '/login') return submitSignIn(request);
    if (method === 'POST' && path === '/oauth2/token') return token(request);
    if (method === 'POST' && path === '/oauth2/revoke') return revoke(request);
    if ((method === 'GET' || method === 'POST') && path === '/oauth2/userInfo') return userInfo(request);
    if (method === 'GET' && path === '/logout') return logout(request);
    if (method === 'GET' && path === '/oauth2/idpresponse') return identityProviderResponse(request);
    return federatedIssuer.page(request);
  };
}
