import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTokenHash } from '../../../local/cognito-token-claims.ts';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, LOCAL_MACHINE_CLIENT_ID } from '../../../local/issuer.ts';
import { SESSION_COOKIE } from '../../../local/oidc-provider.ts';
import { machineClientClaims, subjectForEmail } from '../../../local/token-claims.ts';
import { claimNames, COGNITO_ACCESS_TOKEN, COGNITO_ID_TOKEN } from '../../fixtures/cognito/cognito-token-payloads.ts';
import { authorizeUrl, Browser, decodePayload, locationOf, pkce, redeemCode, requestIdOf, startSignInServer, tokenRequest, type SignInServer } from './sign-in-server.ts';

let local: SignInServer;
beforeAll(async () => {
  local = await startSignInServer();
});
afterAll(() => local.server.close());

interface Tokens {
  id_token: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

/** Opens the sign-in page, picks or types who signs in, and returns where the issuer sent the browser. */
async function signIn(browser: Browser, who: { email: string } | { staff: string }, parameters: Record<string, string | undefined> = {}) {
  const page = await browser.get(authorizeUrl(local.url, parameters));
  expect(page.status).toBe(200);
  return browser.post(`${local.url}/login`, { request: requestIdOf(await page.text()), ...who });
}

async function codeFlow(who: { email: string } | { staff: string }, parameters: Record<string, string> = {}): Promise<{ tokens: Tokens; browser: Browser }> {
  const browser = new Browser();
  const { verifier, challenge } = pkce();
  const answer = await signIn(browser, who, { code_challenge: challenge, ...parameters });
  const callback = locationOf(answer);
  const response = await redeemCode(local.url, { code: callback.searchParams.get('code')!, code_verifier: verifier });
  expect(response.status).toBe(200);
  return { tokens: (await response.json()) as Tokens, browser };
}

/** The page's text as a person reads it: Mustache escapes / and = too. */
const decoded = (html: string) =>
  html
    .replace(/&#x2F;/g, '/')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&');

const me = async (token: string) => (await fetch(`${local.url}/me`, { headers: { authorization: `Bearer ${token}` } })).json();

describe('discovery', () => {
  it('names the local issuer and points every endpoint at the server it was asked on', async () => {
    const document = await (await fetch(`${local.url}/.well-known/openid-configuration`)).json();
    expect(document).toMatchObject({
      issuer: LOCAL_ISSUER,
      authorization_endpoint: `${local.url}/oauth2/authorize`,
      token_endpoint: `${local.url}/oauth2/token`,
      userinfo_endpoint: `${local.url}/oauth2/userInfo`,
      end_session_endpoint: `${local.url}/logout`,
      jwks_uri: `${local.url}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('publishes the key that verifies the tokens it issues', async () => {
    const { tokens } = await codeFlow({ email: 'jwks@example.org' });
    const keys = createRemoteJWKSet(new URL(`${local.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(tokens.id_token, keys, { issuer: LOCAL_ISSUER, audience: LOCAL_CLIENT_ID });
    expect(payload.email).toBe('jwks@example.org');
  });
});

describe('authorization code with PKCE', () => {
  it('signs a typed address in as a requester: code and state back to the callback, then tokens', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const answer = await signIn(browser, { email: ' Jane.Doe@Example.org ' }, { code_challenge: challenge, state: 'xyz', nonce: 'n-1' });
    expect(answer.status).toBe(302);
    const callback = locationOf(answer);
    expect(`${callback.origin}${callback.pathname}`).toBe(local.callback);
    expect(callback.searchParams.get('state')).toBe('xyz');
    expect(answer.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600$`));

    const response = await redeemCode(local.url, { code: callback.searchParams.get('code')!, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as Tokens;
    expect(tokens).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const id = await local.issuer.verify(tokens.id_token);
    expect(id).toMatchObject({ iss: LOCAL_ISSUER, aud: LOCAL_CLIENT_ID, email: 'jane.doe@example.org', email_verified: true, name: 'Jane Doe', nonce: 'n-1', token_use: 'id' });
    expect(id.sub).toBe(subjectForEmail('jane.doe@example.org'));
    expect(id.at_hash).toBe(accessTokenHash(tokens.access_token));
  });

  it("issues Cognito's claims in the ID token and in the access token", async () => {
    const { tokens } = await codeFlow({ staff: 'alice.agent@example.com' }, { nonce: 'abc' });
    const id = decodePayload(tokens.id_token);
    const access = decodePayload(tokens.access_token);
    expect(claimNames(id)).toEqual(claimNames(COGNITO_ID_TOKEN));
    expect(claimNames(access)).toEqual(claimNames(COGNITO_ACCESS_TOKEN));
    expect(id).toMatchObject({ 'cognito:groups': ['agent'], 'cognito:username': id.sub, token_use: 'id' });
    expect(access).toMatchObject({ client_id: LOCAL_CLIENT_ID, username: id['cognito:username'], scope: 'openid email profile', token_use: 'access', 'cognito:groups': ['agent'], version: 2 });
    expect(access).not.toHaveProperty('email');
    expect(access).not.toHaveProperty('aud');
    for (const claim of ['origin_jti', 'event_id', 'auth_time', 'sub'] as const) expect(access[claim]).toEqual(id[claim]);
    for (const [name, value] of Object.entries(COGNITO_ID_TOKEN)) expect(typeof id[name], name).toBe(typeof value);
  });

  it('leaves nonce out when the app sent none, as Cognito does', async () => {
    const { tokens } = await codeFlow({ email: 'no-nonce@example.org' });
    expect(decodePayload(tokens.id_token)).not.toHaveProperty('nonce');
  });

  it('the API knows the person by the ID token, and the access token of that person as the same person without an email', async () => {
    const { tokens } = await codeFlow({ staff: 'alice.agent@example.com' });
    const sub = decodePayload(tokens.id_token).sub;
    expect(await me(tokens.id_token)).toEqual({ kind: 'user', sub, email: 'alice.agent@example.com', name: 'Alice Agent', roles: ['agent'] });
    // No email: the access token never passes for another person, nor for a machine client.
    expect(await me(tokens.access_token)).toEqual({ kind: 'user', sub, roles: ['agent'] });
  });

  it('refuses a wrong code_verifier, and the code is spent by the attempt', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const code = locationOf(await signIn(browser, { email: 'pkce@example.org' }, { code_challenge: challenge })).searchParams.get('code')!;
    const wrong = await redeemCode(local.url, { code, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge' });
    const right = await redeemCode(local.url, { code, code_verifier: verifier });
    expect(await right.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('already used') });
  });

  it('redeems a code once only', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const code = locationOf(await signIn(browser, { email: 'once@example.org' }, { code_challenge: challenge })).searchParams.get('code')!;
    expect((await redeemCode(local.url, { code, code_verifier: verifier })).status).toBe(200);
    const again = await redeemCode(local.url, { code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'code is unknown, expired or already used' });
  });

  it('refuses a code redeemed with another redirect_uri than the authorize request had', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const code = locationOf(await signIn(browser, { email: 'redirect@example.org' }, { code_challenge: challenge })).searchParams.get('code')!;
    const response = await redeemCode(local.url, { code, code_verifier: verifier, redirect_uri: local.callback.replace('127.0.0.1', 'localhost') });
    expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'redirect_uri does not match the one of the authorize request' });
  });

  it('refuses a code within its five minutes only', async () => {
    let clock = Date.now();
    const timed = await startSignInServer({ now: () => new Date(clock) });
    try {
      const browser = new Browser();
      const { verifier, challenge } = pkce();
      const page = await browser.get(authorizeUrl(timed.url, { code_challenge: challenge }));
      const answer = await browser.post(`${timed.url}/login`, { request: requestIdOf(await page.text()), email: 'slow@example.org' });
      clock += 5 * 60_000 + 1;
      const response = await redeemCode(timed.url, { code: locationOf(answer).searchParams.get('code')!, code_verifier: verifier });
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    } finally {
      await timed.server.close();
    }
  });
});

describe('token endpoint errors name the parameter', () => {
  const cases: Array<[string, Record<string, string>, number, string, string]> = [
    ['client_id', { grant_type: 'authorization_code', code: 'x', redirect_uri: 'x', code_verifier: 'x' }, 400, 'invalid_request', 'client_id is required'],
    ['an unknown client', { client_id: 'stranger', grant_type: 'authorization_code' }, 401, 'invalid_client', 'client_id stranger is not an app client of this user pool'],
    ['grant_type', { client_id: LOCAL_CLIENT_ID }, 400, 'invalid_request', 'grant_type is required'],
    ['another grant', { client_id: LOCAL_CLIENT_ID, grant_type: 'password' }, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token'],
    ['code', { client_id: LOCAL_CLIENT_ID, grant_type: 'authorization_code', redirect_uri: 'x', code_verifier: 'x' }, 400, 'invalid_request', 'code is required'],
    ['redirect_uri', { client_id: LOCAL_CLIENT_ID, grant_type: 'authorization_code', code: 'x', code_verifier: 'x' }, 400, 'invalid_request', 'redirect_uri is required'],
    ['code_verifier', { client_id: LOCAL_CLIENT_ID, grant_type: 'authorization_code', code: 'x', redirect_uri: 'x' }, 400, 'invalid_request', 'code_verifier is required (PKCE)'],
    ['refresh_token', { client_id: LOCAL_CLIENT_ID, grant_type: 'refresh_token' }, 400, 'invalid_request', 'refresh_token is required'],
    ['an unknown refresh token', { client_id: LOCAL_CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'nope' }, 400, 'invalid_grant', 'refresh_token is unknown or revoked'],
  ];
  it.each(cases)('%s', async (_name, parameters, status, error, description) => {
    const response = await tokenRequest(local.url, parameters);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error, error_description: description });
  });

  it('refuses a body that is not a form', async () => {
    const response = await fetch(`${local.url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'send the parameters as application/x-www-form-urlencoded' });
  });
});

describe('refresh', () => {
  it('gives new ID and access tokens of the same sign-in, without a nonce, and the refresh token stays', async () => {
    const { tokens } = await codeFlow({ staff: 'admin@example.com' }, { nonce: 'first' });
    const response = await tokenRequest(local.url, { grant_type: 'refresh_token', client_id: LOCAL_CLIENT_ID, refresh_token: tokens.refresh_token });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as Partial<Tokens>;
    expect(refreshed).not.toHaveProperty('refresh_token');
    const before = decodePayload(tokens.id_token);
    const after = decodePayload(refreshed.id_token!);
    for (const claim of ['sub', 'auth_time', 'origin_jti', 'event_id', 'email'] as const) expect(after[claim]).toEqual(before[claim]);
    expect(after.jti).not.toEqual(before.jti);
    expect(after).not.toHaveProperty('nonce');
    expect(after.at_hash).toBe(accessTokenHash(refreshed.access_token!));
    expect((await tokenRequest(local.url, { grant_type: 'refresh_token', client_id: LOCAL_CLIENT_ID, refresh_token: tokens.refresh_token })).status).toBe(200);
  });

  it('refuses a refresh token after it was revoked', async () => {
    const { tokens } = await codeFlow({ email: 'revoke@example.org' });
    const revoked = await fetch(`${local.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token, client_id: LOCAL_CLIENT_ID }).toString(),
    });
    expect(revoked.status).toBe(200);
    const response = await tokenRequest(local.url, { grant_type: 'refresh_token', client_id: LOCAL_CLIENT_ID, refresh_token: tokens.refresh_token });
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('userInfo', () => {
  it("answers with the person's attributes for their access token, as Cognito does", async () => {
    const { tokens } = await codeFlow({ email: 'info@example.org' });
    const response = await fetch(`${local.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(response.status).toBe(200);
    const id = decodePayload(tokens.id_token);
    expect(await response.json()).toEqual({ sub: id.sub, email_verified: 'true', email: 'info@example.org', name: 'Info', username: id['cognito:username'] });
  });

  it('refuses an ID token, and no token, with a Bearer challenge', async () => {
    const { tokens } = await codeFlow({ email: 'info2@example.org' });
    const withId = await fetch(`${local.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.id_token}` } });
    expect(withId.status).toBe(401);
    expect(withId.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(await withId.json()).toMatchObject({ error_description: 'send the access token, not the ID token' });
    const machine = await local.issuer.sign(machineClientClaims(LOCAL_MACHINE_CLIENT_ID, []));
    const withMachine = await fetch(`${local.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${machine}` } });
    expect(await withMachine.json()).toMatchObject({ error_description: "a machine client's access token has no user" });
    const without = await fetch(`${local.url}/oauth2/userInfo`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('the session', () => {
  it('signs in again without the page while the session lasts', async () => {
    const browser = new Browser();
    await signIn(browser, { email: 'again@example.org' }, { code_challenge: pkce().challenge });
    const { verifier, challenge } = pkce();
    const second = await browser.get(authorizeUrl(local.url, { code_challenge: challenge, state: 's2' }));
    expect(second.status).toBe(302);
    const callback = locationOf(second);
    expect(callback.searchParams.get('state')).toBe('s2');
    const tokens = (await (await redeemCode(local.url, { code: callback.searchParams.get('code')!, code_verifier: verifier })).json()) as Tokens;
    expect(decodePayload(tokens.id_token).email).toBe('again@example.org');
  });

  it('shows the page again with prompt=login, and another person may sign in there', async () => {
    const browser = new Browser();
    await signIn(browser, { email: 'first@example.org' }, { code_challenge: pkce().challenge });
    const { verifier, challenge } = pkce();
    const answer = await signIn(browser, { email: 'second@example.org' }, { code_challenge: challenge, prompt: 'login' });
    const tokens = (await (await redeemCode(local.url, { code: locationOf(answer).searchParams.get('code')!, code_verifier: verifier })).json()) as Tokens;
    expect(decodePayload(tokens.id_token).email).toBe('second@example.org');
  });

  it('answers prompt=none without a session with login_required', async () => {
    const answer = await new Browser().get(authorizeUrl(local.url, { code_challenge: pkce().challenge, prompt: 'none', state: 'quiet' }));
    const callback = locationOf(answer);
    expect(Object.fromEntries(callback.searchParams)).toMatchObject({ error: 'login_required', state: 'quiet' });
  });

  it('ends with /logout: the cookie is cleared, the browser goes to the sign-out URL, and the next sign-in shows the page', async () => {
    const browser = new Browser();
    await signIn(browser, { email: 'leaving@example.org' }, { code_challenge: pkce().challenge });
    const signOutUrl = `${local.url}/signed-out`;
    const answer = await browser.get(`${local.url}/logout?client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent(signOutUrl)}`);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(signOutUrl);
    expect(answer.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge }))).status).toBe(200);
  });

  it('ends the session on the server too: the old cookie no longer signs in', async () => {
    const browser = new Browser();
    await signIn(browser, { email: 'replay@example.org' }, { code_challenge: pkce().challenge });
    const stolen = browser.cookies.get(SESSION_COOKIE)!;
    await browser.get(`${local.url}/logout?client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent(`${local.url}/`)}`);
    const replay = new Browser();
    replay.cookies.set(SESSION_COOKIE, stolen);
    expect((await replay.get(authorizeUrl(local.url, { code_challenge: pkce().challenge }))).status).toBe(200);
  });

  it('with redirect_uri instead of logout_uri, signs out and goes to sign in again', async () => {
    const browser = new Browser();
    await signIn(browser, { email: 'switch@example.org' }, { code_challenge: pkce().challenge });
    const query = new URLSearchParams({ client_id: LOCAL_CLIENT_ID, response_type: 'code', redirect_uri: local.callback, scope: 'openid', code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    const answer = await browser.get(`${local.url}/logout?${query}`);
    const next = locationOf(answer);
    expect(next.pathname).toBe('/oauth2/authorize');
    expect((await browser.get(next.toString())).status).toBe(200);
  });

  it.each([
    ['client_id', `logout_uri=${encodeURIComponent('http://x/')}`, 'client_id is missing'],
    ['an unregistered logout_uri', `client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent('https://evil.example/')}`, 'logout_uri https://evil.example/ is not a sign-out URL'],
    ['logout_uri', `client_id=${LOCAL_CLIENT_ID}`, 'logout_uri is missing'],
  ])('refuses a logout without %s on a page, redirecting nowhere', async (_name, query, text) => {
    const answer = await fetch(`${local.url}/logout?${query}`, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
    expect(decoded(await answer.text())).toContain(text);
  });
});

describe('authorize errors', () => {
  it.each([
    ['client_id', { client_id: undefined }, 'client_id is missing'],
    ['an unknown client_id', { client_id: 'stranger' }, 'client_id stranger is not an app client'],
    ['redirect_uri', { redirect_uri: undefined }, 'redirect_uri is missing'],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/auth/callback' }, 'redirect_uri https://evil.example/auth/callback is not a callback URL'],
  ])('shows a page, never a redirect, for %s', async (_name, parameters, text) => {
    const answer = await fetch(authorizeUrl(local.url, { code_challenge: pkce().challenge, ...parameters }), { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
    expect(decoded(await answer.text())).toContain(text);
  });

  it.each([
    ['response_type', { response_type: 'token' }, 'unsupported_response_type', 'response_type must be code'],
    ['scope without openid', { scope: 'email' }, 'invalid_scope', 'scope must contain openid'],
    ['an unknown scope', { scope: 'openid phone' }, 'invalid_scope', 'scope phone is not allowed for servicedesk-local-web; use openid email profile'],
    ['code_challenge', { code_challenge: undefined }, 'invalid_request', 'code_challenge is required (PKCE)'],
    ['code_challenge_method plain', { code_challenge_method: 'plain' }, 'invalid_request', 'code_challenge_method must be S256'],
    ['a short code_challenge', { code_challenge: 'short' }, 'invalid_request', 'code_challenge must be 43 to 128 characters of base64url'],
    ['an unknown identity_provider', { identity_provider: 'Nope' }, 'invalid_request', 'identity_provider Nope is not configured; use one of: COGNITO, Contoso, Fabrikam'],
  ])('sends %s back to the app as an OAuth error with the state', async (_name, parameters, error, description) => {
    const answer = await fetch(authorizeUrl(local.url, { code_challenge: pkce().challenge, state: 'st', ...parameters }), { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const callback = locationOf(answer);
    expect(`${callback.origin}${callback.pathname}`).toBe(local.callback);
    expect(Object.fromEntries(callback.searchParams)).toEqual({ error, error_description: description, state: 'st' });
  });
});

describe('the sign-in page', () => {
  it('is plain HTML under a strict policy: no script at all, its one stylesheet by hash', async () => {
    const page = await fetch(authorizeUrl(local.url, { code_challenge: pkce().challenge }));
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self' http:\/\/127\.0\.0\.1:\d+; frame-ancestors 'none'; base-uri 'none'$/);
    const html = await page.text();
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const { createHash } = await import('node:crypto');
    expect(policy).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).toContain('prefers-color-scheme:dark');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('has a main landmark, a heading, a labelled email field, a button per identity provider and per demo staff user', async () => {
    const html = await (await fetch(authorizeUrl(local.url, { code_challenge: pkce().challenge }))).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<main>\s*<h1>Sign in to Example Desk<\/h1>/);
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="email"/);
    expect(html).toContain('value="Contoso">Sign in with Contoso Entra ID</button>');
    expect(html).toContain('value="Fabrikam">Sign in with Fabrikam Okta</button>');
    expect(html).toContain('value="alice.agent@example.com">Alice Agent<span class="role">agent · alice.agent@example.com</span></button>');
  });

  it('keeps what was typed and says beside the field what is wrong with it', async () => {
    const browser = new Browser();
    const page = await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge }));
    const answer = await browser.post(`${local.url}/login`, { request: requestIdOf(await page.text()), email: 'not-an-<address>' });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('value="not-an-&lt;address&gt;" aria-invalid="true" aria-describedby="email-error" autofocus>');
    expect(html).toContain('<p id="email-error" class="error">Enter an email address such as jane@example.org.</p>');
    const empty = await browser.post(`${local.url}/login`, { request: requestIdOf(html), email: '' });
    expect(await empty.text()).toContain('Enter your email address.');
  });

  it('says the sign-in expired when its pending request is unknown', async () => {
    const answer = await new Browser().post(`${local.url}/login`, { request: 'made-up', email: 'x@example.org' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('This sign-in has expired');
  });
});

describe('who may sign in', () => {
  it("shows the sign-up rule's refusal beside the email field, keeping the address; staff are not asked", async () => {
    const asked: string[] = [];
    const strict = await startSignInServer({
      mayCreateAccount: async (email) => {
        asked.push(email);
        return email.endsWith('@example.org') ? { allowed: true } : { allowed: false, reason: 'Only example.org addresses may sign up; ask the desk for an invitation.' };
      },
    });
    try {
      const browser = new Browser();
      const page = await browser.get(authorizeUrl(strict.url, { code_challenge: pkce().challenge }));
      const refused = await browser.post(`${strict.url}/login`, { request: requestIdOf(await page.text()), email: 'stranger@elsewhere.example' });
      expect(refused.status).toBe(403);
      const html = await refused.text();
      expect(html).toContain('value="stranger@elsewhere.example" aria-invalid="true"');
      expect(html).toContain('<p id="email-error" class="error">Only example.org addresses may sign up; ask the desk for an invitation.</p>');
      const staff = await browser.post(`${strict.url}/login`, { request: requestIdOf(html), staff: 'admin@example.com' });
      expect(staff.status).toBe(302);
      expect(asked).toEqual(['stranger@elsewhere.example']);
    } finally {
      await strict.server.close();
    }
  });
});
