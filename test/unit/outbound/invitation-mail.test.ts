import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { Invitation } from '../../../shared/domain/invitation.ts';
import { invitationNotification } from '../../../shared/domain/notifications.ts';
import { sendNotification, type SendNotificationDeps } from '../../../shared/use-cases/send-notification.ts';

const config = parseConfig({
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [{ email: 'alice@example.com', name: 'Alice', role: 'agent' }],
  desks: [{ id: 'it', name: 'IT Support', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }] }],
  email: { address: 'support@desk.example.com', name: 'Example Desk' },
});

const invitation: Invitation = {
  email: 'guest@elsewhere.test',
  name: 'Gina <b>Guest</b>',
  invitedBy: 'alice@example.com',
  invitedAt: '2026-11-02T09:00:00.000Z',
  expiresAt: '2026-12-02T09:00:00.000Z',
};

describe('the invitation mail', () => {
  it('greets the person, names who invites them and links to the web app', () => {
    const mail = invitationNotification(invitation, config, 'https://portal.example.test/desk/')!;
    expect(mail).toMatchObject({ id: 'invitation.guest@elsewhere.test.2026-11-02T09:00:00.000Z', kind: 'invitation', to: ['guest@elsewhere.test'], cc: [], toRequester: false });
    expect(mail).not.toHaveProperty('ticketKey');
    expect(mail.subject).toBe('You are invited to Example Desk');
    expect(mail.text).toContain('Hello Gina <b>Guest</b>,\n\nAlice invites you to Example Desk');
    expect(mail.text).toContain('https://portal.example.test/desk/\n');
    expect(mail.html).toContain('<a href="https://portal.example.test/desk/">Sign up</a>');
    expect(mail.html).toContain('Gina &lt;b&gt;Guest&lt;&#x2F;b&gt;');
  });

  it('keeps a quote in the configured URL from breaking out of the link', () => {
    const mail = invitationNotification(invitation, config, 'https://portal.example.test/a"onclick="x')!;
    expect(mail.html).toContain('href="https://portal.example.test/a%22onclick=%22x/"');
  });

  it('is sent without a ticket token, reply address or thread entry, once', async () => {
    const sent: string[] = [];
    const claims: { caller: string; key: string; ticketKey: string }[] = [];
    const deps: SendNotificationDeps = {
      config,
      store: {
        getTicket: async () => {
          throw new Error('an invitation reads no ticket');
        },
        findClaim: async (caller, key) => (claims.some((claim) => claim.caller === caller && claim.key === key) ? { ticketKey: 'x' } : undefined),
        claim: async (claim, ticketKey) => {
          claims.push({ caller: claim.caller, key: claim.key, ticketKey });
          return true;
        },
      },
      sender: { send: async (raw) => (sent.push(raw.toString('utf8')), { messageId: '<m1@desk.example.com>' }) },
      limiter: { allow: async () => true },
      undeliverable: { find: async () => [] },
      replyAddressSecret: new Uint8Array(32),
      now: () => new Date('2026-11-02T09:00:05.000Z'),
    };
    const mail = invitationNotification(invitation, config, 'https://portal.example.test')!;
    expect(await sendNotification(deps, mail)).toBe('sent');
    expect(await sendNotification(deps, mail)).toBe('already_sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^Subject: You are invited to Example Desk\r?$/m);
    expect(sent[0]).not.toMatch(/^Reply-To:/im);
    expect(claims).toEqual([{ caller: 'notification', key: mail.id, ticketKey: mail.id }]);
  });
});
