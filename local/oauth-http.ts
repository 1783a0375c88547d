import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HttpResponse } from './api-gateway-event.ts';
import type { LocalPageRequest } from './http-server.ts';

/** An opaque, unguessable value: codes, session ids, refresh tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The parameters of a form post (application/x-www-form-urlencoded), or undefined for another body. */
export async function formParameters(request: LocalPageRequest): Promise<URLSearchParams | undefined> {
  const contentType = String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') return undefined;
  return new URLSearchParams((await request.body()).toString('utf8'));
}

/** A parameter that is present and not empty; a repeated parameter counts as absent (RFC 6749, 3.1). */
export function parameter(parameters: URLSearchParams, name: string): string | undefined {
  const values = parameters.getAll(name);
  return values.length === 1 && values[0] !== '' ? values[0] : undefined;
}

export function cookie(request: LocalPageRequest, name: string): string | undefined {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export function redirect(location: string, headers: Record<string, string | string[]> = {}): HttpResponse {
  return { statusCode: 302, headers: { location, 'cache-control': 'no-store', ...headers }, body: Buffer.alloc(0) };
}

/** `redirectUri` with the parameters added to its query. */
export function withQuery(redirectUri: string, parameters: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache', ...headers },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** An OAuth 2.0 error answer of the token endpoint (RFC 6749, 5.2), naming what was wrong. */
export function oauthError(statusCode: number, error: string, description: string, headers: Record<string, string> = {}): HttpResponse {
  return json(statusCode, { error, error_description: description }, headers);
}

/** PKCE S256 (RFC 7636, 4.6): the challenge is the base64url SHA-256 of the verifier. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

/** RFC 7636's code_verifier and code_challenge alphabet and length. */
export const PKCE_VALUE = /^[A-Za-z0-9._~-]{43,128}$/;

export function origin(uri: string): string {
  return new URL(uri).origin;
}
