import { render } from '@testing-library/react';
import { I18nProvider } from 'react-aria';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { routes } from '../app/routes';
import { createApiClient } from '../lib/api/api-client';
import { provideApiClient } from '../lib/api/api';
import { provideAuthSession, type AuthSession } from '../lib/auth/auth-session';
import type { SignedInPerson } from '../lib/auth/signed-in-person';

export type Handler = (request: Request) => Response | Promise<Response>;

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch for the API client answering by "METHOD /path"; every request is recorded. */
export function fakeApi(handlers: Record<string, Handler>) {
  const requests: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    const handler = handlers[`${request.method} ${path}`];
    if (!handler) return json(404, { error: { code: 'not_found', message: 'not found', details: [] } });
    return handler(request);
  }) as typeof fetch;
  provideApiClient(createApiClient('http://desk.test/api', async () => 'id-token', fetchImpl));
  return { requests };
}

export const jane: SignedInPerson = { email: 'jane@example.org', name: 'Jane Doe', groups: [] };

/** A session that is signed in as `person` (or signed out: null) and records sign-ins. */
export function fakeSession(person: SignedInPerson | null = jane) {
  const signIns: (string | undefined)[] = [];
  const session: AuthSession = {
    person: async () => person ?? undefined,
    idToken: async () => (person ? 'id-token' : undefined),
    signIn: async (returnTo) => void signIns.push(returnTo),
    completeSignIn: async () => '/',
    signOut: async () => undefined,
    subscribe: () => () => undefined,
  };
  provideAuthSession(session);
  return { signIns };
}

const config = {
  apiBaseUrl: '/api',
  deskName: 'Example Service Desk',
  auth: { authority: 'http://issuer.test', clientId: 'web', domain: 'http://issuer.test', redirectPath: '/auth/callback', signOutPath: '/signed-out' },
  identityProviders: [{ id: 'Corporate', name: 'Corporate SSO' }],
};

/** The routes with their own `lazy` objects: a router empties the ones it has loaded, and each test has its own router. */
function freshRoutes(list: RouteObject[]): RouteObject[] {
  return list.map(
    (route) =>
      ({
        ...route,
        ...(route.lazy && typeof route.lazy === 'object' ? { lazy: { ...route.lazy } } : {}),
        ...(route.children ? { children: freshRoutes(route.children) } : {}),
      }) as RouteObject,
  );
}

/** Renders the app's routes at `path` (the shell's /config.json answered from here). */
export function renderApp(path: string, locale = 'en-US') {
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/config.json')) return json(200, config);
    throw new TypeError(`unexpected fetch of ${url}`);
  }) as typeof fetch;
  const router = createMemoryRouter(freshRoutes(routes), { initialEntries: [path] });
  const view = render(
    <I18nProvider locale={locale}>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return { router, ...view };
}
