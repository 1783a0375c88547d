import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import { flattenClaims, scopesFromClaims } from './authorizer-claims.ts';
import type { RouteMatch } from './route-matcher.ts';

/** The parts of an HTTP request that the event is made of; node:http's IncomingMessage supplies them. */
export interface IncomingRequest {
  method: string;
  /** Path and query as sent: '/tickets/SD-1?x=1'. */
  url: string;
  /** Alternating names and values, as node:http's rawHeaders, so repeated headers survive. */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp?: string;
  httpVersion?: string;
}

export interface EventContext {
  match: Pick<RouteMatch, 'routeKey' | 'pathParameters'>;
  /** Verified token claims; undefined on routes without the authorizer. */
  claims?: Record<string, unknown>;
  requestId?: string;
  now?: Date;
  /** A named stage ('api') is the path's first segment, as on the deployed API behind CloudFront; '$default' has none. */
  stage?: string;
}

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';

/** Content types that API Gateway passes as text; every other body arrives base64-encoded. */
const TEXT_CONTENT_TYPE = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|graphql)\b|application\/[\w.+-]*\+(json|xml)\b)/i;

/** Builds the payload-2.0 event that an API Gateway HTTP API with a JWT authorizer sends to Lambda. */
export function toApiGatewayEvent(request: IncomingRequest, context: EventContext): APIGatewayProxyEventV2WithJWTAuthorizer {
  const now = context.now ?? new Date();
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const { headers, cookies } = collectHeaders(request.rawHeaders);
  const domainName = headers.host ?? 'localhost';
  const contentType = headers['content-type'] ?? '';
  const hasBody = request.body.length > 0;
  const isText = TEXT_CONTENT_TYPE.test(contentType);
  const method = request.method.toUpperCase();
  const queryStringParameters = parseQuery(rawQueryString);

  const requestContext = {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: LOCAL_API_ID,
    domainName,
    domainPrefix: domainName.split('.')[0] ?? domainName,
    http: {
      method,
      path: rawPath,
      protocol: `HTTP/${request.httpVersion ?? '1.1'}`,
      sourceIp: request.sourceIp ?? '127.0.0.1',
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: context.requestId ?? newRequestId(),
    routeKey: context.match.routeKey,
    stage: context.stage ?? '$default',
    time: formatRequestTime(now),
    timeEpoch: now.getTime(),
    ...(context.claims ? { authorizer: { jwt: { claims: flattenClaims(context.claims), scopes: scopesFromClaims(context.claims) } } } : {}),
  };

  // Public routes carry no authorizer in AWS either; the handler type assumes the JWT variant.
  return {
    version: '2.0',
    routeKey: context.match.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: requestContext as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'],
    ...(context.match.pathParameters ? { pathParameters: { ...context.match.pathParameters } } : {}),
    ...(hasBody ? { body: isText ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !isText,
  };
}

/** Lower-cased names, repeated headers joined by ','; cookies move to their own list as in AWS. */
function collectHeaders(rawHeaders: readonly string[]): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

/** Decoded values, repeated names joined by ','; undefined when there is no query, as in AWS. */
function parseQuery(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's request time format: '12/Mar/2020:19:03:58 +0000'. */
export function formatRequestTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` + `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** Shaped like API Gateway's ids ('JZ3gVhQjIAMEbbQ='). */
export function newRequestId(): string {
  return randomBytes(10).toString('base64');
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Maps what a handler returned to the HTTP response API Gateway would send. Like payload 2.0, a
 * result without statusCode is taken as a JSON body with status 200.
 */
export function fromHandlerResult(result: APIGatewayProxyResultV2<unknown>): HttpResponse {
  if (!isStructured(result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body ?? '', 'utf8') };
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  // Payload 1.0's field; honoured so headers a handler returns there are not silently lost.
  const multiValueHeaders = (result as { multiValueHeaders?: Record<string, Array<string | number | boolean>> }).multiValueHeaders;
  for (const [name, values] of Object.entries(multiValueHeaders ?? {})) headers[name.toLowerCase()] = values.map(String);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = [...result.cookies];
  const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  return { statusCode: result.statusCode ?? 200, headers, body };
}

function isStructured(result: unknown): result is Exclude<APIGatewayProxyResultV2, string> {
  return typeof result === 'object' && result !== null && 'statusCode' in result;
}
