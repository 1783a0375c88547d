import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';

/**
 * One mail kept aside. The OpenAPI document names no body for `GET /mail/quarantine` yet, so its
 * shape is written here as the API's handler answers it (`{ day, items }`).
 */
export interface QuarantinedMail {
  at: string;
  outcome?: 'ignored';
  location: string;
  reason: string;
  messageId?: string;
  from?: string;
}

export interface QuarantineDay {
  day: string;
  items: QuarantinedMail[];
}

/** `GET /mail/quarantine?day=`: the mail kept aside that UTC day. */
export async function listQuarantine(client: ApiClient, day: string, signal?: AbortSignal) {
  const outcome = await attempt(() => client.GET('/mail/quarantine', { params: { query: { day } }, signal }));
  return outcome.ok ? { ...outcome, data: outcome.data as unknown as QuarantineDay } : outcome;
}
