import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_USER_POOL_ID } from '../../../local/cognito-token-claims.ts';
import { LOCAL_IDP_CLIENT_ID, LOCAL_IDP_ISSUER } from '../../../local/federated-issuer.ts';
import { claimNames, COGNITO_FEDERATED_ID_TOKEN } from '../../fixtures/cognito/cognito-token-payloads.ts';
import { authorizeUrl, Browser, decodePayload, locationOf, pkce, redeemCode, requestIdOf, startSignInServer, tokenRequest, type SignInServer } from './sign-in-server.ts';

let local: SignInServer;
beforeAll(async () => {
  local = await startSignInServer({
    mayCreateAccount: async (email) => (email.endsWith('@blocked.example') ? { allowed: false, reason: 'blocked.example may not sign up' } : { allowed: true }),
  });
});
afterAll(() => local.server.close());

/** The identity provider's page: type an address, and follow the redirects back to the app's callback. */
async function throughProvider(browser: Browser, toProvider: Response, email: string): Promise<URL> {
  const providerPage = locationOf(toProvider);
  expect(providerPage.pathname).toBe('/local-idp/authorize');
  const page = await browser.get(providerPage.toString());
  expect(page.status).toBe(200);
  const html = await page.text();
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
      name!,
      value!
        .replace(/&#x2F;/g, '/')
        .replace(/&#x3D;/g, '=')
        .replace(/&amp;/g, '&'),
    ]),
  );
  const back = await browser.post(`${local.url}/local-idp/authorize`, { ...fields, email });
  const idpResponse = locationOf(back);
  expect(idpResponse.pathname).toBe('/oauth2/idpresponse');
  return locationOf(await browser.get(idpResponse.toString()));
}

async function tokensFor(callback: URL, verifier: string) {
  const response = await redeemCode(local.url, { code: callback.searchParams.get('code')!, code_verifier: verifier });
  expect(response.status).toBe(200);
  return (await response.json()) as { id_token: string; access_token: string };
}

describe('federation through the local identity provider', () => {
  it('identity_provider= goes straight to the provider and comes back signed in as a federated Cognito user', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const toProvider = await browser.get(authorizeUrl(local.url, { code_challenge: challenge, identity_provider: 'Contoso', state: 'fed', nonce: 'n-fed' }));
    expect(toProvider.status).toBe(302);
    expect(locationOf(toProvider).searchParams.get('client_id')).toBe(LOCAL_IDP_CLIENT_ID);
    const callback = await throughProvider(browser, toProvider, 'Pat@Contoso.example');
    expect(`${callback.origin}${callback.pathname}`).toBe(local.callback);
    expect(callback.searchParams.get('state')).toBe('fed');

    const id = decodePayload((await tokensFor(callback, verifier)).id_token);
    expect(claimNames(id)).toEqual(claimNames(COGNITO_FEDERATED_ID_TOKEN));
    const identities = id.identities as Array<Record<string, unknown>>;
    expect(identities).toEqual([{ userId: expect.any(String), providerName: 'Contoso', providerType: 'OIDC', issuer: null, primary: 'true', dateCreated: expect.stringMatching(/^\d+$/) }]);
    expect(id).toMatchObject({ email: 'pat@contoso.example', email_verified: true, nonce: 'n-fed', 'cognito:username': `Contoso_${identities[0]!.userId}`, 'cognito:groups': [`${LOCAL_USER_POOL_ID}_Contoso`] });
  });

  it('the API knows a federated person by their verified email, the automatic group being no role', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const callback = await throughProvider(browser, await browser.get(authorizeUrl(local.url, { code_challenge: challenge, identity_provider: 'Contoso' })), 'sam@contoso.example');
    const { id_token: idToken } = await tokensFor(callback, verifier);
    const principal = await (await fetch(`${local.url}/me`, { headers: { authorization: `Bearer ${idToken}` } })).json();
    expect(principal).toEqual({ kind: 'user', sub: decodePayload(idToken).sub, email: 'sam@contoso.example', name: 'Sam', roles: [] });
  });

  it('a staff member signing in through a provider keeps the role, and a SAML provider says so in identities', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const page = await browser.get(authorizeUrl(local.url, { code_challenge: challenge }));
    const toProvider = await browser.post(`${local.url}/login`, { request: requestIdOf(await page.text()), identity_provider: 'Fabrikam' });
    const callback = await throughProvider(browser, toProvider, 'alice.agent@example.com');
    const id = decodePayload((await tokensFor(callback, verifier)).id_token);
    expect(id['cognito:groups']).toEqual([`${LOCAL_USER_POOL_ID}_Fabrikam`, 'agent']);
    expect((id.identities as Array<Record<string, unknown>>)[0]).toMatchObject({ providerName: 'Fabrikam', providerType: 'SAML' });
  });

  it("an address of a provider's email domain typed on the sign-in page goes to that provider, filled in", async () => {
    const browser = new Browser();
    const page = await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge }));
    const toProvider = await browser.post(`${local.url}/login`, { request: requestIdOf(await page.text()), email: 'kim@contoso.example' });
    expect(locationOf(toProvider).searchParams.get('login_hint')).toBe('kim@contoso.example');
    expect(await (await browser.get(locationOf(toProvider).toString())).text()).toContain('value="kim@contoso.example"');
  });

  it('signs in again from the session without going to the provider, until prompt=login', async () => {
    const browser = new Browser();
    await throughProvider(browser, await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge, identity_provider: 'Contoso' })), 'again@contoso.example');
    expect(locationOf(await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge }))).pathname).toBe('/auth/callback');
    expect((await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge, prompt: 'login' }))).status).toBe(200);
  });

  it("sends the sign-up rule's refusal back to the app as access_denied", async () => {
    const browser = new Browser();
    const toProvider = await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge, identity_provider: 'Contoso', state: 'no' }));
    const callback = await throughProvider(browser, toProvider, 'x@blocked.example');
    expect(Object.fromEntries(callback.searchParams)).toEqual({ error: 'access_denied', error_description: 'blocked.example may not sign up', state: 'no' });
  });

  it("the provider's page says what is wrong with the address beside the field", async () => {
    const browser = new Browser();
    const providerPage = locationOf(await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge, identity_provider: 'Contoso' })));
    const fields = Object.fromEntries(providerPage.searchParams);
    const answer = await browser.post(`${local.url}/local-idp/authorize`, { ...fields, email: 'nope' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('<p id="email-error" class="error">Enter an email address, such as jane@example.org.</p>');
  });

  it('the provider publishes its own discovery and keys, and its codes are one-use and bound to its client', async () => {
    const discovery = await (await fetch(`${local.url}/local-idp/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({ issuer: LOCAL_IDP_ISSUER, token_endpoint: `${local.url}/local-idp/token`, authorization_endpoint: `${local.url}/local-idp/authorize` });
    const keys = (await (await fetch(`${local.url}/local-idp/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(keys.keys).toHaveLength(1);

    const browser = new Browser();
    const providerPage = locationOf(await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge, identity_provider: 'Contoso' })));
    const back = locationOf(await browser.post(`${local.url}/local-idp/authorize`, { ...Object.fromEntries(providerPage.searchParams), email: 'direct@contoso.example' }));
    const redirectUri = `${local.url}/oauth2/idpresponse`;
    const exchange = (clientId: string) =>
      fetch(`${local.url}/local-idp/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, client_id: clientId, redirect_uri: redirectUri }).toString(),
      });
    expect(await (await exchange('someone-else')).json()).toEqual({ error: 'invalid_client', error_description: `client_id must be ${LOCAL_IDP_CLIENT_ID}` });
    const first = await exchange(LOCAL_IDP_CLIENT_ID);
    expect(first.status).toBe(200);
    expect(decodePayload(((await first.json()) as { id_token: string }).id_token)).toMatchObject({ iss: LOCAL_IDP_ISSUER, aud: LOCAL_IDP_CLIENT_ID, email: 'direct@contoso.example', email_verified: true });
    expect(await (await exchange(LOCAL_IDP_CLIENT_ID)).json()).toMatchObject({ error: 'invalid_grant' });
    // The pool's sign-in whose code was taken cannot complete.
    const completed = locationOf(await browser.get(back.toString()));
    expect(completed.searchParams.get('error')).toBe('invalid_request');
  });

  it("refuses a redirect_uri other than the pool's idpresponse on a page", async () => {
    const answer = await fetch(`${local.url}/local-idp/authorize?response_type=code&client_id=${LOCAL_IDP_CLIENT_ID}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  });

  it('does not let tokens of the identity provider into the API', async () => {
    const browser = new Browser();
    const providerPage = locationOf(await browser.get(authorizeUrl(local.url, { code_challenge: pkce().challenge, identity_provider: 'Contoso' })));
    const back = locationOf(await browser.post(`${local.url}/local-idp/authorize`, { ...Object.fromEntries(providerPage.searchParams), email: 'sneaky@contoso.example' }));
    const response = await fetch(`${local.url}/local-idp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, client_id: LOCAL_IDP_CLIENT_ID, redirect_uri: `${local.url}/oauth2/idpresponse` }).toString(),
    });
    const { id_token: idToken } = (await response.json()) as { id_token: string };
    expect((await fetch(`${local.url}/me`, { headers: { authorization: `Bearer ${idToken}` } })).status).toBe(401);
    expect((await tokenRequest(local.url, { grant_type: 'authorization_code', client_id: LOCAL_IDP_CLIENT_ID })).status).toBe(401);
  });
});
