import { describe, expect, it } from 'vitest';
import { waitingOn } from '../../../shared/domain/waiting-on.ts';
import { TICKET_STATUSES } from '../../../shared/domain/ticket-status.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

describe('whose move a ticket waits for', () => {
  it('waits on the requester while pending', () => {
    expect(waitingOn(aTicket({ status: 'pending' }))).toBe('requester');
  });

  it('waits on the approval while a step is open', () => {
    expect(waitingOn(aTicket({ status: 'pending_approval', approval: { state: 'pending', current: 0, steps: [{ label: 'Manager', approvers: ['m@example.org'] }] } }))).toBe('approval');
  });

  it('waits on the desk in every other active status', () => {
    for (const status of ['new', 'open', 'on_hold'] as const) expect(waitingOn(aTicket({ status }))).toBe('desk');
  });

  it('waits on nobody once resolved or closed', () => {
    expect(waitingOn(aTicket({ status: 'resolved' }))).toBeUndefined();
    expect(waitingOn(aTicket({ status: 'closed', approval: { state: 'pending', current: 0, steps: [] } }))).toBeUndefined();
  });

  it('has an answer for every status', () => {
    const answers = TICKET_STATUSES.map((status) => waitingOn(aTicket({ status })));
    expect(answers).toEqual(['approval', 'desk', 'desk', 'requester', 'desk', undefined, undefined]);
  });
});
