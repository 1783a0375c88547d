import type { ApiClient } from '../../../lib/api/api-client';
import { attempt, type ApiOutcome } from '../../../lib/api/api-outcome';
import type { components } from '../../../lib/api/schema';

type UpdateTicket = components['schemas']['UpdateTicket'];
type Priority = NonNullable<UpdateTicket['priority']>;
type Status = NonNullable<UpdateTicket['status']>;

/** One change the toolbar applies to every selected ticket. */
export type BulkChange = { kind: 'assign'; assignee: string } | { kind: 'status'; status: Status } | { kind: 'priority'; priority: Priority } | { kind: 'tags'; tags: string[] };

/** A selected ticket as the page showed it: its version goes in If-Match, its tags are added to. */
export interface BulkTarget {
  key: string;
  version: number;
  tags: string[];
}

/** Why one ticket was not changed: it changed since the list loaded (412), the API refused, or no answer came. */
export type BulkFailure = { key: string; reason: 'stale' | 'refused' | 'network'; message?: string };

export interface BulkResult {
  changed: string[];
  failed: BulkFailure[];
}

/** The PATCH body of a change for one ticket; tags are the ticket's own plus the new ones, each once. */
export function bulkBody(change: BulkChange, target: BulkTarget): UpdateTicket {
  switch (change.kind) {
    case 'assign':
      return { assignee: change.assignee };
    case 'status':
      return { status: change.status };
    case 'priority':
      return { priority: change.priority };
    case 'tags':
      return { tags: [...new Set([...target.tags, ...change.tags])] };
  }
}

/** Which tickets changed and which did not, and why, from each ticket's answer in the order they were sent. */
export function bulkResult(targets: readonly BulkTarget[], outcomes: readonly ApiOutcome<unknown>[]): BulkResult {
  const result: BulkResult = { changed: [], failed: [] };
  targets.forEach((target, index) => {
    const outcome = outcomes[index]!;
    if (outcome.ok) result.changed.push(target.key);
    else if (outcome.failure.kind === 'network') result.failed.push({ key: target.key, reason: 'network' });
    else if (outcome.failure.status === 412) result.failed.push({ key: target.key, reason: 'stale' });
    else result.failed.push({ key: target.key, reason: 'refused', message: outcome.failure.details[0]?.message ?? outcome.failure.message });
  });
  return result;
}

/**
 * The change as one `PATCH /tickets/{key}` per ticket, each with `If-Match` of the version the page
 * showed, so a ticket changed since is refused (412) rather than overwritten.
 */
export async function bulkUpdate(client: ApiClient, change: BulkChange, targets: readonly BulkTarget[]): Promise<BulkResult> {
  const outcomes = await Promise.all(
    targets.map((target) => attempt(() => client.PATCH('/tickets/{key}', { params: { path: { key: target.key }, header: { 'If-Match': `"${target.version}"` } }, body: bulkBody(change, target) }))),
  );
  return bulkResult(targets, outcomes);
}
