import { describe, expect, it } from 'vitest';
import { formatRequestTime, fromHandlerResult, toApiGatewayEvent, type IncomingRequest } from '../../../local/api-gateway-event.ts';

function request(overrides: Partial<IncomingRequest> = {}): IncomingRequest {
  return {
    method: 'GET',
    url: '/tickets',
    rawHeaders: ['Host', 'localhost:3000', 'User-Agent', 'curl/8.0'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
    ...overrides,
  };
}

const NOW = new Date(Date.UTC(2020, 2, 12, 19, 3, 58));

describe('toApiGatewayEvent', () => {
  it('builds a payload 2.0 event with the route key, raw path and request context', () => {
    const event = toApiGatewayEvent(request({ url: '/tickets/SD-1' }), {
      match: { routeKey: 'GET /tickets/{key}', pathParameters: { key: 'SD-1' } },
      requestId: 'req-1',
      now: NOW,
    });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /tickets/{key}',
      rawPath: '/tickets/SD-1',
      rawQueryString: '',
      headers: { host: 'localhost:3000', 'user-agent': 'curl/8.0' },
      pathParameters: { key: 'SD-1' },
      isBase64Encoded: false,
      requestContext: {
        domainName: 'localhost:3000',
        http: { method: 'GET', path: '/tickets/SD-1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.0' },
        requestId: 'req-1',
        routeKey: 'GET /tickets/{key}',
        stage: '$default',
        time: '12/Mar/2020:19:03:58 +0000',
        timeEpoch: NOW.getTime(),
      },
    });
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.cookies).toBeUndefined();
  });

  it('decodes query parameters and joins repeated ones with commas, keeping the raw query string', () => {
    const event = toApiGatewayEvent(request({ url: '/tickets?status=open&status=pending&q=printer%20jam&desk=it' }), {
      match: { routeKey: 'GET /tickets' },
    });
    expect(event.rawQueryString).toBe('status=open&status=pending&q=printer%20jam&desk=it');
    expect(event.queryStringParameters).toEqual({ status: 'open,pending', q: 'printer jam', desk: 'it' });
    expect(event.pathParameters).toBeUndefined();
  });

  it('lower-cases header names, joins repeated headers with commas and moves cookies to their own list', () => {
    const event = toApiGatewayEvent(request({ rawHeaders: ['X-Trace', 'a', 'x-trace', 'b', 'Cookie', 'session=1; theme=dark', 'Host', 'h'] }), { match: { routeKey: 'GET /tickets' } });
    expect(event.headers).toEqual({ 'x-trace': 'a,b', host: 'h' });
    expect(event.cookies).toEqual(['session=1', 'theme=dark']);
  });

  it('passes a JSON body as text', () => {
    const event = toApiGatewayEvent(request({ method: 'POST', rawHeaders: ['Content-Type', 'application/json; charset=utf-8'], body: Buffer.from('{"title":"Ünïcode"}') }), {
      match: { routeKey: 'POST /tickets' },
    });
    expect(event.body).toBe('{"title":"Ünïcode"}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes a body whose content type is not text', () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    const event = toApiGatewayEvent(request({ method: 'POST', rawHeaders: ['Content-Type', 'application/octet-stream'], body: bytes }), {
      match: { routeKey: 'POST /tickets' },
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64')).toEqual(bytes);
  });

  it('delivers the claims as API Gateway strings, with scopes, under authorizer.jwt', () => {
    const event = toApiGatewayEvent(request(), {
      match: { routeKey: 'GET /tickets' },
      claims: { sub: 'client-1', client_id: 'client-1', scope: 'servicedesk/tickets.read', exp: 1_700_000_000 },
    });
    expect(event.requestContext.authorizer.jwt).toEqual({
      claims: { sub: 'client-1', client_id: 'client-1', scope: 'servicedesk/tickets.read', exp: '1700000000' },
      scopes: ['servicedesk/tickets.read'],
    });
  });

  it('has no authorizer on public routes', () => {
    const event = toApiGatewayEvent(request({ url: '/health' }), { match: { routeKey: 'GET /health' } });
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });
});

describe('formatRequestTime', () => {
  it('pads day and time fields', () => {
    expect(formatRequestTime(new Date(Date.UTC(2024, 0, 5, 4, 3, 2)))).toBe('05/Jan/2024:04:03:02 +0000');
  });
});

describe('fromHandlerResult', () => {
  it('maps status, lower-cased headers, cookies and body', () => {
    const response = fromHandlerResult({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', ETag: 3 },
      cookies: ['a=1', 'b=2'],
      body: '{"ok":true}',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'content-type': 'application/json', etag: '3', 'set-cookie': ['a=1', 'b=2'] });
    expect(response.body.toString()).toBe('{"ok":true}');
  });

  it('decodes a base64 body', () => {
    const response = fromHandlerResult({ statusCode: 200, body: Buffer.from([1, 2, 3]).toString('base64'), isBase64Encoded: true });
    expect([...response.body]).toEqual([1, 2, 3]);
  });

  it('keeps multi-value headers', () => {
    const response = fromHandlerResult({ statusCode: 200, multiValueHeaders: { Link: ['<a>', '<b>'] } } as never);
    expect(response.headers.link).toEqual(['<a>', '<b>']);
  });

  it('treats a result without statusCode as a 200 JSON body, as payload 2.0 does', () => {
    const response = fromHandlerResult({ hello: 'world' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body.toString())).toEqual({ hello: 'world' });
  });
});
