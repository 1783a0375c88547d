import type { TestApp } from './harness.ts';

/** Background work (mail intake, queues, the stream) finishes after the request: poll, bounded. */
const TRIES = 100;
const PAUSE_MS = 100;

/** The requester's tickets (newest first) once there are at least `count`; throws if that never happens. */
export async function ticketsOfRequester<T = any>(app: TestApp, token: string, email: string, count: number): Promise<T[]> {
  for (let tries = 0; tries < TRIES; tries++) {
    const items: T[] = (await app.request('GET', `/tickets?requester=${encodeURIComponent(email)}&status=all&limit=100`, { token })).json.items;
    if (items.length >= count) return items;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  throw new Error(`${email} never had ${count} tickets`);
}

/** The ticket's comments (as `token` may see them) once there are at least `count`. */
export async function commentsOfTicket<T = any>(app: TestApp, token: string, key: string, count: number): Promise<T[]> {
  for (let tries = 0; tries < TRIES; tries++) {
    const comments: T[] = (await app.request('GET', `/tickets/${key}`, { token })).json.comments;
    if (comments.length >= count) return comments;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  throw new Error(`${key} never had ${count} comments`);
}
