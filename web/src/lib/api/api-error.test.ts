import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { ApiError, apiData, NetworkError } from './api-error';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('apiData', () => {
  it('gives the data of a successful answer', async () => {
    const client = createApiClient('http://desk.test/api', async () => 't', (async () => json(200, { catalog: [] })) as typeof fetch);
    expect(await apiData(client.GET('/catalog'))).toEqual({ catalog: [] });
  });

  it("turns the API's error body into an ApiError with its details", async () => {
    const body = { error: { code: 'validation', message: 'invalid', details: [{ path: 'subject', message: 'required' }] } };
    const client = createApiClient('http://desk.test/api', async () => 't', (async () => json(400, body)) as typeof fetch);
    const error = await apiData(client.GET('/catalog')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation', details: [{ path: 'subject', message: 'required' }] });
  });

  it('turns a request that never reached the API into a NetworkError', async () => {
    const client = createApiClient('http://desk.test/api', async () => 't', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    await expect(apiData(client.GET('/catalog'))).rejects.toBeInstanceOf(NetworkError);
  });
});
