import { expect } from 'vitest';
import type { TestApp } from '../integration/harness.ts';

/**
 * A "Broken device" request opened through the API by its requester: IT level 1, whose assignment
 * is free, so it waits unassigned in the level's queue. Answers the new ticket's key.
 */
export async function openBrokenDevice(api: TestApp, requester: string, subject: string, assetTag: string): Promise<string> {
  const created = await api.request('POST', '/tickets', {
    token: await api.token({ email: requester }),
    body: { catalogItem: 'it-hardware-broken', subject, customFields: { assetTag } },
  });
  expect(created.status).toBe(201);
  return created.json.ticket.key as string;
}
