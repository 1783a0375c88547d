import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER } from '../../../local/issuer.ts';
import { Browser, locationOf, requestIdOf, startSignInServer, type SignInServer } from './sign-in-server.ts';

let local: SignInServer;
beforeAll(async () => {
  local = await startSignInServer();
});
afterAll(() => local.server.close());

/** The web app's settings under `npm start`: the authority is the local server; its discovery names LOCAL_ISSUER. */
const webAppClient = () =>
  new OidcClient({
    authority: local.url,
    client_id: LOCAL_CLIENT_ID,
    redirect_uri: local.callback,
    scope: 'openid email profile',
    stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
  });

describe('oidc-client-ts against the local issuer', () => {
  it('signs in with code and PKCE, though the issuer differs from the authority URL', async () => {
    const client = webAppClient();
    expect(await client.metadataService.getIssuer()).toBe(LOCAL_ISSUER);
    expect(LOCAL_ISSUER).not.toBe(local.url);
    const request = await client.createSigninRequest({ nonce: 'web-app-nonce' });
    const browser = new Browser();
    const page = await browser.get(request.url);
    const callback = locationOf(await browser.post(`${local.url}/login`, { request: requestIdOf(await page.text()), staff: 'alice.agent@example.com' }));
    const response = await client.processSigninResponse(callback.toString());
    expect(response.profile).toMatchObject({ iss: LOCAL_ISSUER, email: 'alice.agent@example.com', 'cognito:groups': ['agent'] });
    expect(response.token_type).toBe('Bearer');
    expect(response.expires_in).toBeGreaterThan(3500);

    // The ID token is what the app sends to the API, at /api as on the deployed origin.
    const principal = await (await fetch(`${local.url}/api/me`, { headers: { authorization: `Bearer ${response.id_token}` } })).json();
    expect(principal).toMatchObject({ kind: 'user', email: 'alice.agent@example.com', roles: ['agent'] });

    // Refreshing checks the new ID token is of the same person and sign-in (sub, auth_time).
    const refreshed = await client.useRefreshToken({
      state: { refresh_token: response.refresh_token!, id_token: response.id_token!, session_state: null, scope: response.scope!, profile: response.profile, data: undefined } as never,
    });
    expect(refreshed.id_token).not.toBe(response.id_token);
    expect(refreshed.profile.sub).toBe(response.profile.sub);
  });

  it("signs out through Cognito's /logout with client_id and logout_uri as extra query parameters", async () => {
    const client = webAppClient();
    const browser = new Browser();
    const signIn = await client.createSigninRequest({});
    const page = await browser.get(signIn.url);
    const callback = locationOf(await browser.post(`${local.url}/login`, { request: requestIdOf(await page.text()), email: 'leaving@example.org' }));
    const { id_token: idToken } = await client.processSigninResponse(callback.toString());

    const signedOut = `${local.url}/signed-out`;
    const request = await client.createSignoutRequest({ id_token_hint: idToken, extraQueryParams: { client_id: LOCAL_CLIENT_ID, logout_uri: signedOut } });
    expect(new URL(request.url).pathname).toBe('/logout');
    const answer = await browser.get(request.url);
    expect(answer.headers.get('location')).toBe(signedOut);
    expect((await browser.get((await client.createSigninRequest({})).url)).status).toBe(200);
  });
});
