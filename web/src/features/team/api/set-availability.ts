import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';

/** `PUT /agents/{email}/availability`: whether automatic assignment gives the agent work. */
export function setAvailability(client: ApiClient, email: string, available: boolean) {
  return attempt(() => client.PUT('/agents/{email}/availability', { params: { path: { email } }, body: { available } }));
}
