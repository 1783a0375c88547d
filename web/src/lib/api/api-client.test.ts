import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';

function recordingFetch() {
  const requests: Request[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { requests, fetchImpl: fetchImpl as typeof fetch };
}

describe('the API client', () => {
  it("sends the signed-in person's token as a bearer token to the API base", async () => {
    const { requests, fetchImpl } = recordingFetch();
    const client = createApiClient('http://desk.test/api', async () => 'id-token', fetchImpl);
    await client.GET('/catalog');
    expect(requests[0]!.url).toBe('http://desk.test/api/catalog');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer id-token');
  });

  it('sends no authorization header when nobody is signed in', async () => {
    const { requests, fetchImpl } = recordingFetch();
    const client = createApiClient('http://desk.test/api', async () => undefined, fetchImpl);
    await client.GET('/catalog');
    expect(requests[0]!.headers.has('authorization')).toBe(false);
  });
});
