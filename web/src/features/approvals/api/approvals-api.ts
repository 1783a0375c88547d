import type { ApiClient } from '../../../lib/api/api-client';
import { attempt } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

export type ApprovalInboxItem = components['schemas']['ApprovalInboxItem'];
export type ApprovalDecision = components['schemas']['ApprovalDecision'];

/** Gives the API client; route modules take one so tests can hand in a client with their own fetch. */
export type ClientSource = () => Promise<ApiClient>;

/** One page of the requests waiting for the signed-in person's decision. */
export function listMyApprovals(client: ApiClient, cursor: string | undefined, signal?: AbortSignal) {
  return attempt(() => client.GET('/me/approvals', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } }, signal }));
}

/** Approve or reject the step that waits; the API requires the reason of a rejection (`comment`). */
export function decideApproval(client: ApiClient, key: string, decision: ApprovalDecision) {
  return attempt(() => client.POST('/tickets/{key}/approval', { params: { path: { key } }, body: decision }));
}
