import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

export type DeskCounts = components['schemas']['DeskQueueCounts'];

/** `GET /me/queues`: the desks the person works, with their counts. */
export function listMyDesks(client: ApiClient, signal?: AbortSignal) {
  return attempt(() => client.GET('/me/queues', { signal }));
}
