import { createHash, randomBytes } from 'node:crypto';
import type { HttpRoute } from '../../../functions/http/routes.ts';
import { principalFromClaims } from '../../../shared/auth/principal.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { ServiceDeskConfig } from '../../../shared/config/config-schema.ts';
import { startHttpServer, type HttpHandler, type LocalPage, type RunningHttpServer } from '../../../local/http-server.ts';
import { createInMemoryIssuer, LOCAL_CLIENT_ID, type LocalIssuer } from '../../../local/issuer.ts';
import { createLocalSignIn } from '../../../local/local-sign-in.ts';
import type { MayCreateAccount } from '../../../local/oidc-provider.ts';

export const signInConfig: ServiceDeskConfig = parseConfig({
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  email: { address: 'support@desk.example.com', name: 'Example Desk' },
  signIn: {
    identityProviders: [
      { id: 'Contoso', name: 'Contoso Entra ID', type: 'oidc', issuerUrl: 'https://login.contoso.example/v2.0', clientId: 'desk', clientSecretName: 'contoso-secret', emailDomains: ['contoso.example'] },
      { id: 'Fabrikam', name: 'Fabrikam Okta', type: 'saml', metadataUrl: 'https://fabrikam.example/metadata.xml' },
    ],
  },
  users: [
    { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
    { email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent' },
  ],
  desks: [{ id: 'it', name: 'IT', levels: [{ id: 'l1', name: 'L1', members: ['alice.agent@example.com'] }] }],
});

/** `GET /me` answers with the principal the API makes of the token, through the local authorizer. */
const routes: HttpRoute[] = [{ method: 'GET', path: '/me', handler: 'me', auth: true, table: 'none' }];
const me: HttpHandler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(principalFromClaims(event.requestContext.authorizer.jwt.claims, event.requestContext.authorizer.jwt.scopes)),
});

export interface SignInServer {
  server: RunningHttpServer;
  issuer: LocalIssuer;
  url: string;
  callback: string;
}

export async function startSignInServer(options: { mayCreateAccount?: MayCreateAccount; now?: () => Date } = {}): Promise<SignInServer> {
  const issuer = await createInMemoryIssuer();
  let signIn: LocalPage = async () => undefined;
  const server = await startHttpServer({ port: 0, routes, loadHandler: async () => ({ handler: me }), issuer, quiet: true, pages: [(request) => signIn(request)] });
  // The client's URLs name the port, which is known once the server listens.
  signIn = await createLocalSignIn({ issuer, config: signInConfig, port: server.port, ...options });
  return { server, issuer, url: server.url, callback: `${server.url}/auth/callback` };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A browser's part of the flow: follows nothing by itself, keeps the cookies servers set. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.remember(await fetch(url, { redirect: 'manual', headers: this.cookieHeader() }));
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    return this.remember(
      await fetch(url, { method: 'POST', redirect: 'manual', headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }),
    );
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  private remember(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value = ''] = pair!.split('=');
      if (attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))) this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    return response;
  }
}

export function authorizeUrl(base: string, parameters: Record<string, string | undefined>): string {
  const url = new URL(`${base}/oauth2/authorize`);
  const all = { response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: `${base}/auth/callback`, scope: 'openid email profile', state: 'state-1', code_challenge_method: 'S256', ...parameters };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

/** The pending sign-in a sign-in page's forms carry. */
export function requestIdOf(html: string): string {
  const match = /name="request" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no sign-in form in the page:\n${html}`);
  return match[1]!;
}

export function locationOf(response: Response): URL {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location);
}

export async function redeemCode(base: string, parameters: Record<string, string>): Promise<Response> {
  return fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: LOCAL_CLIENT_ID, redirect_uri: `${base}/auth/callback`, ...parameters }).toString(),
  });
}

export async function tokenRequest(base: string, parameters: Record<string, string>): Promise<Response> {
  return fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(parameters).toString() });
}

export function decodePayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
