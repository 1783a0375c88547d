import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { principalFromClaims, type Principal } from '../auth/principal.ts';
import { AppError } from '../errors.ts';
import { logger } from '../observability/logger.ts';
import { errorResponse, statusOf } from './http-error-response.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export interface HttpRequest {
  event: HttpEvent;
  principal: Principal;
}

/** Maps every thrown error to the API's error body; unexpected ones are logged and become a 500. */
const errorMapping = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    const error = request.error;
    if (error instanceof AppError) {
      logger.info('Request refused', { status: statusOf(error), code: error.code, details: error.details });
    } else {
      logger.error('Request failed', error as Error);
    }
    request.response = errorResponse(error);
  },
});

/**
 * Wraps an HTTP route: logging context, error mapping and, for authenticated routes, the caller
 * built from the authorizer's claims. The route function parses, calls a use case and maps.
 */
export function authenticatedRoute(route: (request: HttpRequest) => Promise<HttpResult>) {
  return middy<HttpEvent, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorMapping())
    .handler(async (event) => {
      const jwt = event.requestContext.authorizer?.jwt;
      const principal = principalFromClaims(jwt?.claims, jwt?.scopes);
      return route({ event, principal });
    });
}

/** Wraps a route that needs no caller (health, API description). */
export function publicRoute(route: (event: HttpEvent) => Promise<HttpResult>) {
  return middy<HttpEvent, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorMapping())
    .handler(route);
}
