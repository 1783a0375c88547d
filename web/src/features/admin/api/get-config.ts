import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';

/** `GET /admin/config`: the configuration the desk runs, without secrets. */
export function getConfig(client: ApiClient, signal?: AbortSignal) {
  return attempt(() => client.GET('/admin/config', { signal }));
}

/** The configuration as the client reads it (the schema's AdminConfig). */
export type AdminConfig = Extract<Awaited<ReturnType<typeof getConfig>>, { ok: true }>['data']['config'];
