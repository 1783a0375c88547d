/** One invalid field as the API names it: `subject`, `customFields.system`, `attachments.0`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** An answer of the API other than 2xx, with its `{ error: { code, message, details } }` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API could not be reached (offline, DNS, a dropped connection): nothing is known to have happened. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('The service desk could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  const details = Array.isArray(error?.details) ? error.details.filter((detail): detail is ErrorDetail => typeof detail?.path === 'string' && typeof detail?.message === 'string') : [];
  return new ApiError(status, typeof error?.code === 'string' ? error.code : String(status), typeof error?.message === 'string' ? error.message : `HTTP ${status}`, details);
}

/**
 * The data of an openapi-fetch call, or an ApiError for its error answer; a call that never reached
 * the API becomes a NetworkError. Loaders throw these to the route's error screen.
 */
export async function apiData<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiError ? error : new NetworkError(error);
  }
  if (result.response.ok && result.data !== undefined) return result.data;
  throw errorOf(result.response.status, result.error);
}

export const isApiError = (error: unknown, status?: number): error is ApiError => error instanceof ApiError && (status === undefined || error.status === status);
