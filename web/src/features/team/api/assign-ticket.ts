import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';

/**
 * `PATCH /tickets/{key}` with `{ assignee }`, conditional on the version the list showed: a ticket
 * that changed since is refused with 412 and nothing is overwritten.
 */
export function assignTicket(client: ApiClient, key: string, version: number, assignee: string) {
  return attempt(() => client.PATCH('/tickets/{key}', { params: { path: { key }, header: { 'If-Match': `"${version}"` } }, body: { assignee } }));
}
