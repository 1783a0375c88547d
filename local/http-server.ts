import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { errors as joseErrors } from 'jose';
import { HTTP_ROUTES, type HttpRoute } from '#functions/http/routes';
import { fromHandlerResult, newRequestId, toApiGatewayEvent, type HttpResponse } from './api-gateway-event.ts';
import type { LocalIssuer } from './issuer.ts';
import { invokeAsFunction, localFunctionName } from './lambda-invocation.ts';
import { createRouteMatcher, type RouteMatch } from './route-matcher.ts';

export type HttpHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyResultV2<unknown>>;
export type HandlerLoader = (name: string) => Promise<{ handler: HttpHandler }>;

/** A request as the local server's own pages (sign-in, the web app's files) see it. */
export interface LocalPageRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** The body, read up to API Gateway's limit. */
  body(): Promise<Buffer>;
}

/** Answers a request the API does not serve, or undefined to pass it on. */
export type LocalPage = (request: LocalPageRequest) => Promise<HttpResponse | undefined>;

/** The API's stage on the deployed web origin: CloudFront sends `/api/*` to the HTTP API's `api` stage. */
export const API_STAGE = 'api';

export interface HttpServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  routes?: readonly HttpRoute[];
  loadHandler?: HandlerLoader;
  issuer: LocalIssuer;
  /** No request log lines. */
  quiet?: boolean;
  /** API Gateway gives up on an integration after 30 s. */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Tried in order before the API's unprefixed routes (the local issuer's endpoints, the web app's files). */
  pages?: readonly LocalPage[];
  /** Tried in order when neither a page nor an API route answered (the web app's client-side routes). */
  fallbackPages?: readonly LocalPage[];
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** API Gateway's payload limit. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const loadFromFunctions: HandlerLoader = (name) => import(new URL(`../functions/http/${name}.ts`, import.meta.url).href);

/** A body over MAX_BODY_BYTES; a page's `body()` rejects with it too. */
export class BodyTooLargeError extends Error {}

/**
 * Serves the route table like API Gateway in front of the Lambda handlers: matches the route,
 * checks the bearer token like the JWT authorizer, and calls the handler with a payload-2.0 event.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    routes = HTTP_ROUTES,
    loadHandler = loadFromFunctions,
    issuer,
    quiet = false,
    timeoutMs = 30_000,
    log = (line) => console.log(line),
    pages = [],
    fallbackPages = [],
  } = options;
  const match = createRouteMatcher(routes);
  const handlers = new Map<string, Promise<HttpHandler>>();

  // Loaded on first use, like a cold start; a failed load is retried, so a handler file added later works.
  const handlerFor = (name: string): Promise<HttpHandler> => {
    let loading = handlers.get(name);
    if (!loading) {
      loading = loadHandler(name).then((module) => {
        if (typeof module.handler !== 'function') throw new Error(`functions/http/${name}.ts exports no handler function`);
        return module.handler;
      });
      loading.catch(() => handlers.delete(name));
      handlers.set(name, loading);
    }
    return loading;
  };

  const serve = async (request: IncomingMessage, requestId: string): Promise<HttpResponse> => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    // `/api/...` is the API as the web app reaches it; the unprefixed paths stay for curl and machine clients.
    const stagePrefix = `/${API_STAGE}`;
    if (path.startsWith(`${stagePrefix}/`)) {
      const matched = match(method, path.slice(stagePrefix.length));
      return matched ? callRoute(request, requestId, matched, API_STAGE) : jsonMessage(404, 'Not Found');
    }
    const pageRequest = toPageRequest(request);
    for (const page of pages) {
      const answer = await page(pageRequest);
      if (answer) return answer;
    }
    const matched = match(method, path);
    if (matched) return callRoute(request, requestId, matched);
    for (const page of fallbackPages) {
      const answer = await page(pageRequest);
      if (answer) return answer;
    }
    return jsonMessage(404, 'Not Found');
  };

  const callRoute = async (request: IncomingMessage, requestId: string, matched: RouteMatch, stage?: string): Promise<HttpResponse> => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    let claims: Record<string, unknown> | undefined;
    if (matched.route.auth) {
      const outcome = await authorize(issuer, request.headers.authorization);
      if ('challenge' in outcome) return { ...jsonMessage(401, 'Unauthorized'), headers: { ...JSON_HEADERS, 'www-authenticate': outcome.challenge } };
      claims = outcome.claims;
    }

    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return { ...jsonMessage(413, 'Request Entity Too Large'), headers: { ...JSON_HEADERS, connection: 'close' } };
      throw error;
    }

    const event = toApiGatewayEvent(
      { method, url, rawHeaders: request.rawHeaders, body, sourceIp: request.socket.remoteAddress, httpVersion: request.httpVersion },
      { match: matched, requestId, ...(claims ? { claims } : {}), ...(stage ? { stage } : {}) },
    );
    try {
      const handler = await handlerFor(matched.route.handler);
      const result = await withTimeout(
        invokeAsFunction(localFunctionName(matched.route.handler), (context) => handler(event, context), timeoutMs),
        timeoutMs,
      );
      if (result === TIMED_OUT) {
        log(`${matched.routeKey}: handler ${matched.route.handler} did not answer within ${timeoutMs} ms`);
        return jsonMessage(503, 'Service Unavailable');
      }
      return fromHandlerResult(result);
    } catch (error) {
      // API Gateway hides the error from the caller; the function's log shows it.
      console.error(`${matched.routeKey}: handler ${matched.route.handler} failed:`, error);
      return jsonMessage(500, 'Internal Server Error');
    }
  };

  const server = createServer((request, response) => {
    const started = performance.now();
    const requestId = newRequestId();
    serve(request, requestId)
      .catch((error: unknown) => {
        console.error('Local API failed to serve a request:', error);
        return jsonMessage(500, 'Internal Server Error');
      })
      .then((result) => {
        send(response, result, requestId);
        if (!quiet) log(`${request.method} ${request.url} ${result.statusCode} ${Math.round(performance.now() - started)}ms`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  return {
    url,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function jsonMessage(statusCode: number, message: string): HttpResponse {
  return { statusCode, headers: { ...JSON_HEADERS }, body: Buffer.from(JSON.stringify({ message })) };
}

/** The JWT authorizer's verdict: claims, or the WWW-Authenticate challenge API Gateway answers with. */
async function authorize(issuer: LocalIssuer, authorization: string | undefined): Promise<{ claims: Record<string, unknown> } | { challenge: string }> {
  // API Gateway accepts the token with or without the Bearer prefix.
  const token = authorization?.replace(/^Bearer\s+/i, '').trim();
  if (!token) return { challenge: 'Bearer' };
  try {
    return { claims: await issuer.verify(token) };
  } catch (error) {
    return { challenge: `Bearer scope="" error="invalid_token" error_description="${describeTokenError(error)}"` };
  }
}

function describeTokenError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token does not have a valid signature';
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iss') return 'the token has an invalid issuer';
  if (error instanceof Error && error.name === 'InvalidAudienceError') return 'the token does not have a valid audience';
  return 'the token is malformed or invalid';
}

function toPageRequest(request: IncomingMessage): LocalPageRequest {
  let body: Promise<Buffer> | undefined;
  return {
    method: request.method ?? 'GET',
    url: new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`),
    headers: request.headers,
    body: () => (body ??= readBody(request)),
  };
}

/** Reads the body up to API Gateway's limit; past it, the rest is drained unread so the 413 can still be sent. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      request.resume();
      return reject(new BodyTooLargeError());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.removeListener('data', onData);
      request.removeListener('end', onEnd);
      request.resume();
      reject(new BodyTooLargeError());
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', reject);
  });
}

function send(response: ServerResponse, result: HttpResponse, requestId: string): void {
  response.statusCode = result.statusCode;
  for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value);
  // A HEAD answer names the length of the body it leaves out (S3's HeadObject); every other answer sends its body.
  if (result.headers['content-length'] === undefined) response.setHeader('content-length', result.body.length);
  response.setHeader('apigw-requestid', requestId);
  response.end(result.body);
}

const TIMED_OUT = Symbol('timed out');

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
