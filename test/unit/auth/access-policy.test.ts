import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { checkRestrictedDeskMove, requireTicketAccess, staffDesks, ticketAccess } from '../../../shared/auth/access-policy.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { Approval } from '../../../shared/domain/approval.ts';
import { ConfirmationRequiredError, NotFoundError } from '../../../shared/errors.ts';
import { escalationLeavesRestrictedDesk } from '../../../shared/use-cases/escalate-ticket.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const config = parseConfig(rawConfig);
const user = (email: string, roles: ('admin' | 'manager' | 'agent')[] = []): Principal => ({ kind: 'user', sub: email, email, roles });

describe('who sees which ticket', () => {
  const itTicket = aTicket({ desk: 'it', requester: { email: 'rita@example.org' } });
  const hrTicket = aTicket({ desk: 'hr', requester: { email: 'alice.agent@example.com' } });

  it('gives agents the desks of their levels and managers the desks they manage', () => {
    expect(staffDesks(user('alice.agent@example.com', ['agent']), config)).toEqual(['it']);
    expect(staffDesks(user('maria.manager@example.com', ['manager']), config)).toEqual(['it', 'facilities']);
    expect(staffDesks(user('admin@example.com', ['admin']), config)).toEqual(['it', 'facilities']);
    expect(staffDesks(user('hugo.hr@example.com', ['manager']), config)).toEqual(['hr']);
  });

  it('lets staff see tickets of their desks only', () => {
    expect(ticketAccess(user('alice.agent@example.com', ['agent']), itTicket, config)).toBe('staff');
    expect(ticketAccess(user('frank.facilities@example.com', ['agent']), itTicket, config)).toBe('none');
  });

  it('lets a staff member who asked another desk for help see that ticket as its requester', () => {
    expect(ticketAccess(user('alice.agent@example.com', ['agent']), hrTicket, config)).toBe('requester');
  });

  it('lets a requester see its own ticket and no other', () => {
    expect(ticketAccess(user('rita@example.org'), itTicket, config)).toBe('requester');
    expect(ticketAccess(user('mallory@example.org'), itTicket, config)).toBe('none');
  });

  it('does not let a requester without a verified email see anything', () => {
    expect(ticketAccess({ kind: 'user', sub: 'x', roles: [] }, itTicket, config)).toBe('none');
  });

  it('gives machine clients access by scope only', () => {
    expect(ticketAccess({ kind: 'client', clientId: 'c', scopes: ['servicedesk/tickets.read'] }, itTicket, config)).toBe('staff');
    expect(ticketAccess({ kind: 'client', clientId: 'c', scopes: [] }, itTicket, config)).toBe('none');
  });

  it('hides a restricted desk from admins and machine clients but not from its members or the requester', () => {
    const hrCase = aTicket({ desk: 'hr', requester: { email: 'rita@example.org' } });
    expect(ticketAccess(user('admin@example.com', ['admin']), hrCase, config)).toBe('none');
    expect(ticketAccess({ kind: 'client', clientId: 'c', scopes: ['servicedesk/tickets.read'] }, hrCase, config)).toBe('none');
    expect(ticketAccess(user('hana.hr@example.com', ['agent']), hrCase, config)).toBe('staff');
    expect(ticketAccess(user('hugo.hr@example.com', ['manager']), hrCase, config)).toBe('staff');
    expect(ticketAccess(user('rita@example.org'), hrCase, config)).toBe('requester');
  });

  it('reports a ticket the caller may not see as not found', () => {
    expect(() => requireTicketAccess(user('mallory@example.org'), itTicket, config, 'SD-1')).toThrow(NotFoundError);
  });

  describe('approvers', () => {
    // Rita's laptop: her manager Mark, then one of the software approvers (Ada the admin, Sam).
    const steps = (decided: number, by: string[] = []): Approval['steps'] => [
      { label: 'Manager', approvers: ['mark.lead@example.org'], ...(decided > 0 ? { decision: 'approved' as const, decidedBy: by[0] ?? 'mark.lead@example.org', decidedAt: '2026-11-02T10:00:00.000Z' } : {}) },
      {
        label: 'Software approvers',
        approvers: ['admin@example.com', 'sam.security@example.org'],
        ...(decided > 1 ? { decision: 'approved' as const, decidedBy: by[1] ?? 'admin@example.com', decidedAt: '2026-11-02T11:00:00.000Z' } : {}),
      },
    ];
    const request = (approval: Approval) => aTicket({ desk: 'it', requester: { email: 'rita@example.org' }, status: approval.state === 'pending' ? 'pending_approval' : 'new', approval });
    const mark = user('mark.lead@example.org');
    const sam = user('sam.security@example.org');

    it('read the request while a step of theirs waits for a decision', () => {
      const waiting = request({ state: 'pending', current: 0, steps: steps(0) });
      expect(ticketAccess(mark, waiting, config)).toBe('approver');
      expect(ticketAccess(sam, waiting, config)).toBe('approver');
    });

    it('keep reading it once they decided, and the rest of their group does not', () => {
      const approved = request({ state: 'approved', current: 1, steps: steps(2) });
      expect(ticketAccess(mark, approved, config)).toBe('approver');
      expect(ticketAccess(sam, approved, config)).toBe('none');
      const rejectedByMark = request({ state: 'rejected', current: 0, steps: [{ ...steps(1)[0]!, decision: 'rejected' }, steps(0)[1]!] });
      expect(ticketAccess(sam, rejectedByMark, config)).toBe('none');
      expect(ticketAccess(mark, rejectedByMark, config)).toBe('approver');
    });

    it('are staff or requester first when they are those too', () => {
      const waiting = request({ state: 'pending', current: 1, steps: steps(1) });
      expect(ticketAccess(user('admin@example.com', ['admin']), waiting, config)).toBe('staff');
    });
  });

  describe('moves out of a restricted desk', () => {
    it('need the request to confirm them, naming the field', () => {
      expect(() => checkRestrictedDeskMove(config, 'hr', 'it', false)).toThrow(ConfirmationRequiredError);
      try {
        checkRestrictedDeskMove(config, 'hr', 'it', false);
      } catch (error) {
        expect((error as ConfirmationRequiredError).details.map((detail) => detail.path)).toEqual(['confirmRestrictedMove']);
      }
      expect(checkRestrictedDeskMove(config, 'hr', 'it', true)).toBe('left the restricted desk hr; its internal notes went with it to it');
    });

    it('are the only moves that do', () => {
      expect(checkRestrictedDeskMove(config, 'it', 'hr', false)).toBeUndefined();
      expect(checkRestrictedDeskMove(config, 'hr', 'hr', false)).toBeUndefined();
      expect(checkRestrictedDeskMove(config, 'facilities', 'it', false)).toBeUndefined();
    });

    it('are never made by an automatic escalation', () => {
      const escalating = parseConfig({ ...rawConfig, desks: rawConfig.desks.map((desk) => (desk.id === 'hr' ? { ...desk, escalateTo: 'it' } : desk)) });
      expect(escalationLeavesRestrictedDesk({ config: escalating }, aTicket({ desk: 'hr', level: 'l1' }))).toBe(true);
      expect(escalationLeavesRestrictedDesk({ config: escalating }, aTicket({ desk: 'facilities', level: 'l2' }))).toBe(false);
      expect(escalationLeavesRestrictedDesk({ config }, aTicket({ desk: 'hr', level: 'l1' }))).toBe(false);
    });
  });
});
