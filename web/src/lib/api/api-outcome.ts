import type { components } from './schema';
import { ApiError, NetworkError } from './api-error';

/** What the API says went wrong: `{ error: { code, message, details } }` on every refusal. */
export type ApiErrorBody = components['schemas']['Error']['error'];

/**
 * Why a call did not succeed: the request never got an answer (offline, a dropped connection), or
 * the API refused it with a status and its error body. Screens map these to their own words.
 */
export type ApiFailure = { kind: 'network' } | ({ kind: 'refused'; status: number } & ApiErrorBody);

export type ApiOutcome<T> = { ok: true; data: T; response: Response } | { ok: false; failure: ApiFailure };

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function errorBody(error: unknown, response: Response): ApiErrorBody {
  const body = (error as { error?: Partial<ApiErrorBody> } | undefined)?.error;
  return {
    code: typeof body?.code === 'string' ? body.code : `http_${response.status}`,
    message: typeof body?.message === 'string' ? body.message : response.statusText,
    details: Array.isArray(body?.details) ? body.details : [],
  };
}

/**
 * Runs one call of the typed client and answers what came of it, without throwing for a refusal
 * or a network failure (an aborted navigation still throws, so the router can drop it).
 */
export async function attempt<T>(call: () => Promise<FetchResult<T>>): Promise<ApiOutcome<T>> {
  let result: FetchResult<T>;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, failure: { kind: 'network' } };
  }
  if (result.response.ok) return { ok: true, data: result.data as T, response: result.response };
  return { ok: false, failure: { kind: 'refused', status: result.response.status, ...errorBody(result.error, result.response) } };
}

/** The API's message for one field of the body (`details[].path`), when it named that field. */
export function fieldFailure(failure: ApiFailure | undefined, path: string): string | undefined {
  if (failure?.kind !== 'refused') return undefined;
  return failure.details.find((detail) => detail.path === path || detail.path.endsWith(`.${path}`))?.message;
}

/** The status of a refusal, or undefined for a network failure. */
export function statusOf(failure: ApiFailure | undefined): number | undefined {
  return failure?.kind === 'refused' ? failure.status : undefined;
}

/** The failure as the error a loader throws to the route's error screen (the shell's errorKind reads it). */
export function failureError(failure: ApiFailure): ApiError | NetworkError {
  return failure.kind === 'network' ? new NetworkError() : new ApiError(failure.status, failure.code, failure.message, failure.details);
}
