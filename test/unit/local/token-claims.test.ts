import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { personClaims, resolveTokenPerson, subjectForEmail, UnknownRoleError } from '../../../local/token-claims.ts';

const config = parseConfig({
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [
    { email: 'boss@example.com', name: 'Boss', role: 'admin' },
    { email: 'first.agent@example.com', name: 'First Agent', role: 'agent' },
    { email: 'second.agent@example.com', name: 'Second Agent', role: 'agent' },
  ],
  desks: [{ id: 'it', name: 'IT', levels: [{ id: 'l1', name: 'L1', members: ['first.agent@example.com'] }] }],
});

describe('resolveTokenPerson', () => {
  it('picks the first configured user of a staff role', () => {
    expect(resolveTokenPerson(config, { role: 'agent' })).toEqual({ email: 'first.agent@example.com', name: 'First Agent', groups: ['agent'] });
  });

  it("gives a configured staff email that user's role, whatever role was asked", () => {
    expect(resolveTokenPerson(config, { role: 'requester', email: 'Boss@Example.com' }).groups).toEqual(['admin']);
  });

  it('makes requesters without a config entry, defaulting to requester@example.org', () => {
    expect(resolveTokenPerson(config, { role: 'requester' })).toEqual({ email: 'requester@example.org', name: 'Requester', groups: [] });
    expect(resolveTokenPerson(config, { email: 'jane.doe@example.org' })).toEqual({ email: 'jane.doe@example.org', name: 'Jane Doe', groups: [] });
  });

  it('rejects an unknown role with the list of roles', () => {
    expect(() => resolveTokenPerson(config, { role: 'wizard' })).toThrow(UnknownRoleError);
    expect(() => resolveTokenPerson(config, { role: 'wizard' })).toThrow(/admin, manager, agent, requester/);
  });

  it('explains when no user has the role', () => {
    expect(() => resolveTokenPerson(config, { role: 'manager' })).toThrow(/No user with role manager/);
  });
});

describe('personClaims', () => {
  it('carries the claims of a Cognito ID token, with no groups claim for requesters', () => {
    const claims = personClaims({ email: 'jane@example.org', name: 'Jane', groups: [] });
    expect(claims).toMatchObject({ email: 'jane@example.org', email_verified: true, name: 'Jane', token_use: 'id' });
    expect(claims).not.toHaveProperty('cognito:groups');
  });

  it('gives each email one stable UUID-shaped subject', () => {
    expect(subjectForEmail('Jane@Example.org')).toBe(subjectForEmail('jane@example.org'));
    expect(subjectForEmail('jane@example.org')).not.toBe(subjectForEmail('john@example.org'));
    expect(subjectForEmail('jane@example.org')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
