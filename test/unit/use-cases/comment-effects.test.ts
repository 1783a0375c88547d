import { describe, expect, it } from 'vitest';
import { commentEffects } from '../../../shared/use-cases/add-comment.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const NOW = '2026-11-03T10:00:00.000Z';

describe('what a comment does to its ticket', () => {
  it('counts the first public agent reply as the first response and opens a new ticket', () => {
    expect(commentEffects(aTicket(), 'agent', true, NOW)).toEqual([
      { field: 'firstResponseAt', from: null, to: NOW },
      { field: 'status', from: 'new', to: 'open' },
    ]);
  });

  it('does not count an internal note as a response', () => {
    expect(commentEffects(aTicket(), 'agent', false, NOW)).toEqual([]);
  });

  it('does not count a machine client comment as a response', () => {
    expect(commentEffects(aTicket(), 'system', true, NOW)).toEqual([]);
  });

  it('keeps the first response time once set', () => {
    expect(commentEffects(aTicket({ status: 'open', firstResponseAt: '2026-11-02T10:00:00.000Z' }), 'agent', true, NOW)).toEqual([]);
  });

  it('reopens a ticket that waited on the requester when the requester answers', () => {
    expect(commentEffects(aTicket({ status: 'pending' }), 'requester', true, NOW)).toEqual([{ field: 'status', from: 'pending', to: 'open' }]);
  });

  it("does not reopen a ticket for a requester's mail kept as an internal note (an automatic reply)", () => {
    expect(commentEffects(aTicket({ status: 'pending' }), 'requester', false, NOW)).toEqual([]);
  });

  it('reopens a resolved ticket and clears its resolution on a requester reply', () => {
    expect(commentEffects(aTicket({ status: 'resolved', resolvedAt: '2026-11-02T10:00:00.000Z' }), 'requester', true, NOW)).toEqual([
      { field: 'status', from: 'resolved', to: 'open' },
      { field: 'resolvedAt', from: '2026-11-02T10:00:00.000Z', to: null },
    ]);
  });
});
