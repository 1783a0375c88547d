import type { TestApp, TestResponse } from './harness.ts';

/** Background work (mail intake, queues, the stream) finishes after the request: poll, bounded. */
const TRIES = 100;
const PAUSE_MS = 100;

/** The first value `read` gives that is not undefined, tried every PAUSE_MS at most TRIES times; throws `failure` otherwise. */
export async function eventually<T>(read: () => Promise<T | undefined> | T | undefined, failure: string): Promise<T> {
  for (let tries = 0; tries < TRIES; tries++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  throw new Error(failure);
}

/** The requester's tickets (newest first) once there are at least `count`; throws if that never happens. */
export function ticketsOfRequester<T = TestResponse['json']>(app: TestApp, token: string, email: string, count: number): Promise<T[]> {
  return eventually(async () => {
    const items: T[] = (await app.request('GET', `/tickets?requester=${encodeURIComponent(email)}&status=all&limit=100`, { token })).json.items;
    return items.length >= count ? items : undefined;
  }, `${email} never had ${count} tickets`);
}

/** The ticket's comments (as `token` may see them) once there are at least `count`. */
export function commentsOfTicket<T = TestResponse['json']>(app: TestApp, token: string, key: string, count: number): Promise<T[]> {
  return eventually(async () => {
    const comments: T[] = (await app.request('GET', `/tickets/${key}`, { token })).json.comments;
    return comments.length >= count ? comments : undefined;
  }, `${key} never had ${count} comments`);
}
