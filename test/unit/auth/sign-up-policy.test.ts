import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { signUpDecision } from '../../../shared/auth/sign-up-policy.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { Invitation } from '../../../shared/domain/invitation.ts';
import { checkSignUp } from '../../../shared/use-cases/check-sign-up.ts';

const open = { selfSignUpDomains: ['example.org', 'partner.example'] };
const closed = { selfSignUpDomains: [] };
const nobody = { invited: false, staff: false };

describe('the sign-up rule', () => {
  it('lets in an address on an allowed domain, whatever its case', () => {
    expect(signUpDecision('jane@example.org', open, nobody)).toEqual({ allowed: true, ground: 'domain' });
    expect(signUpDecision('Jane@Partner.Example', open, nobody)).toEqual({ allowed: true, ground: 'domain' });
  });

  it('does not take a subdomain or a look-alike for an allowed domain', () => {
    expect(signUpDecision('jane@mail.example.org', open, nobody).allowed).toBe(false);
    expect(signUpDecision('jane@example.org.evil.test', open, nobody).allowed).toBe(false);
    expect(signUpDecision('jane@notexample.org', open, nobody).allowed).toBe(false);
  });

  it('lets in invited people and staff from any domain', () => {
    expect(signUpDecision('guest@elsewhere.test', closed, { invited: true, staff: false })).toEqual({ allowed: true, ground: 'invited' });
    expect(signUpDecision('alice@corp.test', closed, { invited: false, staff: true })).toEqual({ allowed: true, ground: 'staff' });
  });

  it('refuses others with a reason naming the allowed domains and the way in', () => {
    expect(signUpDecision('guest@elsewhere.test', open, nobody)).toEqual({
      allowed: false,
      reason: 'Sign-up is open to addresses at example.org or partner.example. For guest@elsewhere.test, ask the service desk for an invitation.',
    });
    expect(signUpDecision('guest@elsewhere.test', closed, nobody)).toEqual({ allowed: false, reason: 'Sign-up is by invitation only. Ask the service desk to invite guest@elsewhere.test.' });
  });

  it('refuses what is not an address, even when invited', () => {
    for (const email of ['', 'jane', '@example.org', 'jane@']) {
      expect(signUpDecision(email, open, { invited: true, staff: true })).toMatchObject({ allowed: false, reason: expect.stringContaining('is not an email address') });
    }
  });
});

describe('checking a sign-up against the invitations', () => {
  const config = parseConfig({ ...rawConfig, signIn: { selfSignUpDomains: ['example.org'] } });
  const now = new Date('2026-11-02T09:00:00.000Z');
  const invitation = (email: string, expiresAt: string): Invitation => ({ email, invitedBy: 'alice.agent@example.com', invitedAt: '2026-10-20T09:00:00.000Z', expiresAt });

  function deps(stored: Invitation[]) {
    const reads: string[] = [];
    const invitations = {
      find: async (email: string) => {
        reads.push(email);
        return stored.find((candidate) => candidate.email === email);
      },
    };
    return { reads, check: checkSignUp({ config, invitations, now: () => now }) };
  }

  it('lets in an invited address while its invitation holds', async () => {
    const { check, reads } = deps([invitation('guest@elsewhere.test', '2026-11-10T00:00:00.000Z')]);
    expect(await check('Guest@Elsewhere.test')).toEqual({ allowed: true, ground: 'invited' });
    expect(reads).toEqual(['guest@elsewhere.test']);
  });

  it('refuses an address whose invitation expired', async () => {
    const { check } = deps([invitation('guest@elsewhere.test', '2026-11-01T00:00:00.000Z')]);
    expect((await check('guest@elsewhere.test')).allowed).toBe(false);
  });

  it('reads no invitation for staff or an allowed domain', async () => {
    const { check, reads } = deps([]);
    expect(await check('alice.agent@example.com')).toEqual({ allowed: true, ground: 'staff' });
    expect(await check('jane@example.org')).toEqual({ allowed: true, ground: 'domain' });
    expect(reads).toEqual([]);
  });
});
