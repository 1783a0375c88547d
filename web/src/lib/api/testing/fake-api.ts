import { createApiClient, type ApiClient } from '../api-client';

export interface RecordedRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
}

/** Answers one request; `network` makes the call fail as a dropped connection does. */
export type FakeAnswer = { status: number; body?: unknown } | 'network';
export type FakeRoute = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

export const API_BASE = 'http://desk.test/api';

/**
 * An API client whose fetch answers from `routes` ("GET /tickets/SD-1": answer), recording every
 * request; an unknown route is a 404. For component tests: no module mocking, the real client.
 */
export function fakeApi(routes: Record<string, FakeRoute | FakeAnswer>) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    const recorded: RecordedRequest = { method: request.method, path: url.pathname.replace(/^\/api/, ''), search: url.searchParams, headers: request.headers, body };
    requests.push(recorded);
    const route = routes[`${recorded.method} ${recorded.path}`];
    const answer = typeof route === 'function' ? await route(recorded) : (route ?? { status: 404, body: { error: { code: 'not_found', message: 'Not found', details: [] } } });
    if (answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  const client: ApiClient = createApiClient(API_BASE, async () => 'test-token', fetchImpl as typeof fetch);
  return { client, source: async () => client, requests };
}
