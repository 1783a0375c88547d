import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpRoute } from '../../../functions/http/routes.ts';
import { MAX_BODY_BYTES, startHttpServer, type HttpHandler, type RunningHttpServer } from '../../../local/http-server.ts';
import { createInMemoryIssuer, LOCAL_MACHINE_CLIENT_ID, type LocalIssuer } from '../../../local/issuer.ts';
import { machineClientClaims, personClaims } from '../../../local/token-claims.ts';

const routes: HttpRoute[] = [
  { method: 'GET', path: '/health', handler: 'echo', auth: false, table: 'none' },
  { method: 'GET', path: '/tickets/{key}', handler: 'echo', auth: true, table: 'read' },
  { method: 'POST', path: '/tickets', handler: 'echo', auth: true, table: 'write' },
  { method: 'GET', path: '/boom', handler: 'boom', auth: false, table: 'none' },
  { method: 'GET', path: '/missing', handler: 'missing', auth: false, table: 'none' },
];

const received: Array<{ event: APIGatewayProxyEventV2WithJWTAuthorizer; context: Context }> = [];
const echo: HttpHandler = async (event, context) => {
  received.push({ event, context });
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true }) };
};
const handlers: Record<string, HttpHandler> = {
  echo,
  boom: async () => {
    throw new Error('kaput');
  },
};
const loadHandler = vi.fn(async (name: string) => {
  const handler = handlers[name];
  if (!handler) throw new Error(`no handler ${name}`);
  return { handler };
});

let server: RunningHttpServer;
let issuer: LocalIssuer;
const logLines: string[] = [];

beforeAll(async () => {
  issuer = await createInMemoryIssuer();
  server = await startHttpServer({ port: 0, routes, loadHandler, issuer, log: (line) => logLines.push(line) });
});
afterAll(() => server.close());

const agentToken = () => issuer.sign(personClaims({ email: 'a@example.com', name: 'A', groups: ['admin', 'agent'] }));

describe('local HTTP server', () => {
  it('calls the handler of a public route with a payload 2.0 event and a Lambda context', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const { event, context } = received.at(-1)!;
    expect(event.routeKey).toBe('GET /health');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(25_000);
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logLines.at(-1)).toMatch(/^GET \/health 200 \d+ms$/);
  });

  it('loads each handler once', async () => {
    await fetch(`${server.url}/health`);
    await fetch(`${server.url}/health`);
    expect(loadHandler.mock.calls.filter(([name]) => name === 'echo')).toHaveLength(1);
  });

  it('delivers verified claims flattened as API Gateway does, with path parameters', async () => {
    const response = await fetch(`${server.url}/tickets/SD-9`, { headers: { authorization: `Bearer ${await agentToken()}` } });
    expect(response.status).toBe(200);
    const { event } = received.at(-1)!;
    expect(event.pathParameters).toEqual({ key: 'SD-9' });
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ 'cognito:groups': '[admin agent]', email_verified: 'true' });
    expect(event.requestContext.authorizer.jwt.scopes).toBeNull();
  });

  it('passes the scopes of a machine-client token', async () => {
    const token = await issuer.sign(machineClientClaims(LOCAL_MACHINE_CLIENT_ID, ['servicedesk/tickets.read']));
    await fetch(`${server.url}/tickets/SD-9`, { headers: { authorization: token } });
    expect(received.at(-1)!.event.requestContext.authorizer.jwt.scopes).toEqual(['servicedesk/tickets.read']);
  });

  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const response = await fetch(`${server.url}/tickets/SD-9`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it('answers 401 for an expired token and says why in the challenge', async () => {
    const token = await issuer.sign(personClaims({ email: 'a@example.com', name: 'A', groups: [] }), { expiresIn: -5 });
    const response = await fetch(`${server.url}/tickets/SD-9`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error_description="the token has expired"');
  });

  it('answers 401 for a token that is not a JWT', async () => {
    const response = await fetch(`${server.url}/tickets/SD-9`, { headers: { authorization: 'Bearer nonsense' } });
    expect(response.status).toBe(401);
  });

  it('answers 404 Not Found for unknown paths and for known paths under another method', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['DELETE', '/tickets/SD-1'],
      ['POST', '/health'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    }
  });

  it('answers 500 Internal Server Error when the handler throws, and logs the error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await fetch(`${server.url}/boom`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(String(errors.mock.calls[0]?.[1])).toContain('kaput');
    errors.mockRestore();
  });

  it('answers 500 when the handler file cannot be loaded, and tries again on the next request', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await fetch(`${server.url}/missing`)).status).toBe(500);
    handlers.missing = echo;
    expect((await fetch(`${server.url}/missing`)).status).toBe(200);
    errors.mockRestore();
  });

  it('answers 413 for a body over the 10 MB payload limit, without calling the handler', async () => {
    const before = received.length;
    const response = await fetch(`${server.url}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await agentToken()}`, 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(received.length).toBe(before);
  });

  it('accepts a body of exactly 10 MB', async () => {
    const response = await fetch(`${server.url}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await agentToken()}`, 'content-type': 'text/plain' },
      body: Buffer.alloc(MAX_BODY_BYTES, 0x61),
    });
    expect(response.status).toBe(200);
    expect(received.at(-1)!.event.body).toHaveLength(MAX_BODY_BYTES);
  });
});

describe('local HTTP server with pages beside the API', () => {
  let withPages: RunningHttpServer;
  const text = (body: string) => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from(body) });
  beforeAll(async () => {
    withPages = await startHttpServer({
      port: 0,
      routes,
      loadHandler,
      issuer,
      quiet: true,
      pages: [async (request) => (request.url.pathname === '/health' || request.url.pathname === '/page' ? text(`page ${request.method}`) : undefined)],
      fallbackPages: [async (request) => (request.method === 'GET' ? text(`fallback ${request.url.pathname}`) : undefined)],
    });
  });
  afterAll(() => withPages.close());

  it('serves the API under /api as its api stage, with the stage in the event', async () => {
    const response = await fetch(`${withPages.url}/api/tickets/SD-4`, { headers: { authorization: `Bearer ${await agentToken()}` } });
    expect(response.status).toBe(200);
    const { event } = received.at(-1)!;
    expect(event.routeKey).toBe('GET /tickets/{key}');
    expect(event.rawPath).toBe('/api/tickets/SD-4');
    expect(event.requestContext.stage).toBe('api');
  });

  it('answers 404 for a path under /api that no route serves, without asking the pages', async () => {
    const response = await fetch(`${withPages.url}/api/page`);
    expect(response.status).toBe(404);
  });

  it('asks the pages before the unprefixed routes and the fallback pages after them', async () => {
    expect(await (await fetch(`${withPages.url}/health`)).text()).toBe('page GET');
    const ticket = await fetch(`${withPages.url}/tickets/SD-4`);
    expect(ticket.status).toBe(401);
    expect(await (await fetch(`${withPages.url}/requests/SD-4`)).text()).toBe('fallback /requests/SD-4');
    expect((await fetch(`${withPages.url}/nowhere`, { method: 'POST' })).status).toBe(404);
  });
});
