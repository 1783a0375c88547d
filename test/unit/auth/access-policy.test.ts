import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { requireTicketAccess, staffDesks, ticketAccess } from '../../../shared/auth/access-policy.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { NotFoundError } from '../../../shared/errors.ts';
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
});
