import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

export type QuarantinedMail = components['schemas']['QuarantinedMail'];
export type QuarantineDay = components['schemas']['QuarantineDay'];

/** `GET /mail/quarantine?day=`: the mail kept aside that UTC day. */
export function listQuarantine(client: ApiClient, day: string, signal?: AbortSignal) {
  return attempt(() => client.GET('/mail/quarantine', { params: { query: { day } }, signal }));
}
