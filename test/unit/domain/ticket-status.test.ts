import { describe, expect, it } from 'vitest';
import { canTransition, TICKET_STATUSES } from '../../../shared/domain/ticket-status.ts';

describe('ticket status transitions', () => {
  it('never moves a ticket back to new', () => {
    for (const from of TICKET_STATUSES.filter((status) => status !== 'new')) expect(canTransition(from, 'new')).toBe(false);
  });

  it('treats closed as final', () => {
    for (const to of TICKET_STATUSES.filter((status) => status !== 'closed')) expect(canTransition('closed', to)).toBe(false);
  });

  it('reopens a resolved ticket but does not put it on hold', () => {
    expect(canTransition('resolved', 'open')).toBe(true);
    expect(canTransition('resolved', 'on_hold')).toBe(false);
    expect(canTransition('resolved', 'pending')).toBe(false);
  });

  it('lets work in progress wait on the requester, go on hold or be resolved', () => {
    for (const from of ['new', 'open', 'pending', 'on_hold'] as const) {
      expect(canTransition(from, 'resolved')).toBe(true);
      expect(canTransition(from, 'closed')).toBe(true);
    }
    expect(canTransition('open', 'pending')).toBe(true);
    expect(canTransition('pending', 'on_hold')).toBe(true);
  });

  it('always allows staying in the same status', () => {
    for (const status of TICKET_STATUSES) expect(canTransition(status, status)).toBe(true);
  });
});
