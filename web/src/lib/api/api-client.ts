import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** Gives the bearer token for the next request, or undefined when nobody is signed in. */
export type TokenSource = () => Promise<string | undefined>;

/**
 * The one typed client of the API, made from its OpenAPI document: every call's path, body and
 * answer are checked against `schema.d.ts` (regenerate it with `npm run web:api`).
 */
export function createApiClient(baseUrl: string, token: TokenSource, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  const client = createClient<paths>({ baseUrl, fetch: fetchImpl });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const value = await token();
      if (value) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Gives the API client; route modules take one so tests can hand in a client with their own fetch. */
export type ClientSource = () => Promise<ApiClient>;
