import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { commentNotification, publicReplyMail } from '../../../shared/domain/notifications.ts';
import type { Comment } from '../../../shared/domain/ticket.ts';
import { deliverableRecipients, mailableRecipients } from '../../../shared/email/mail-recipients.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const baseConfig = {
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [
    { email: 'alice@example.com', name: 'Alice', role: 'agent', signature: 'Alice <Agent>\nIT Support, ext. 42' },
    { email: 'bob@example.com', name: 'Bob', role: 'agent' },
  ],
  desks: [{ id: 'it', name: 'IT Support', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com', 'bob@example.com'] }] }],
  email: { address: 'support@desk.example.com', name: 'Example Desk' },
};
const config = parseConfig(baseConfig);

const ticket = aTicket({ key: 'SD-7', requester: { email: 'jane@example.com', name: 'Jane' }, watchers: ['tom@example.com'] });

const reply = (over: Partial<Comment> = {}): Comment => ({
  id: 'c1',
  ticketKey: 'SD-7',
  author: { email: 'alice@example.com', role: 'agent' },
  public: true,
  body: 'Try tray 2.',
  attachments: [],
  createdAt: '2026-11-02T10:00:00.000Z',
  ...over,
});

describe("an agent's public reply as it is mailed", () => {
  it("ends the reply with the agent's signature in the text and the HTML part, before the desk's footer", () => {
    const comment = reply();
    const mail = commentNotification(ticket, comment, config)!;
    expect(mail.text).toContain('Try tray 2.\n\nAlice <Agent>\nIT Support, ext. 42\n\n--\nTicket SD-7');
    expect(mail.html).toContain('<div>Try tray 2.</div><p>Alice &lt;Agent&gt;<br>\nIT Support, ext. 42</p><hr>');
    // The stored comment keeps the text as typed.
    expect(comment.body).toBe('Try tray 2.');
  });

  it('has no signature part for an agent without one', () => {
    const mail = commentNotification(ticket, reply({ author: { email: 'bob@example.com', role: 'agent' } }), config)!;
    expect(mail.text).toContain('Try tray 2.\n\n--\nTicket SD-7');
    expect(mail.html).toContain('<div>Try tray 2.</div><hr>');
  });

  it('lets a configured template place the signature itself', () => {
    const custom = parseConfig({ ...baseConfig, email: { ...baseConfig.email, templates: { public_reply: { text: '{{comment.body}}\n-- \n{{comment.signature}}' } } } });
    expect(commentNotification(ticket, reply(), custom)!.text).toBe('Try tray 2.\n-- \nAlice <Agent>\nIT Support, ext. 42');
  });

  it('goes to the requester with the watchers copied, and to the watchers alone when the requester cannot be mailed', () => {
    expect(publicReplyMail(ticket, reply(), config)).toMatchObject({ mail: { to: ['jane@example.com'], cc: ['tom@example.com'], toRequester: true }, leftOut: [] });
    const unmailable = aTicket({ ...ticket, requester: { email: 'root@localhost', unmailable: 'the domain localhost is a local host name' }, watchers: ['tom@example.com'] });
    const { mail, leftOut } = publicReplyMail(unmailable, reply(), config);
    expect(mail).toMatchObject({ to: ['tom@example.com'], cc: [] });
    expect(leftOut).toEqual([{ address: 'root@localhost', reason: 'unmailable', detail: expect.stringContaining('local host name') }]);
    expect(commentNotification(aTicket({ ...unmailable, watchers: [] }), reply(), config)).toBeUndefined();
  });

  it('mails the requester at the Reply-To kept for them', () => {
    const withReplyTo = aTicket({ ...ticket, requester: { email: 'jane@example.com', replyTo: 'jane.team@example.com' } });
    expect(publicReplyMail(withReplyTo, reply(), config).mail.to).toEqual(['jane.team@example.com']);
  });
});

describe('the recipients of a mail', () => {
  it('leaves out the addresses SES cannot send to, saying why, and names each address once', () => {
    expect(mailableRecipients(['jane@example.com'], ['Jane@example.com', 'jörg@example.com', 'kim@bücher.example'])).toEqual({
      to: ['jane@example.com'],
      cc: ['kim@xn--bcher-kva.example'],
      leftOut: [{ address: 'jörg@example.com', reason: 'unmailable', detail: expect.stringContaining('not ASCII') }],
    });
  });

  it('leaves out addresses marked undeliverable, with the day of the bounce, and moves the copies up when the requester is one', () => {
    const mark = { address: 'Jane@example.com', bouncedAt: '2026-10-30T08:00:00.000Z', status: '5.1.1', diagnostic: 'user unknown at HR-3', ticketKey: 'SD-99' };
    const recipients = deliverableRecipients({ to: ['jane@example.com'], cc: ['tom@example.com'] }, [mark]);
    expect(recipients).toMatchObject({ to: ['tom@example.com'], cc: [] });
    expect(recipients.leftOut).toEqual([{ address: 'jane@example.com', reason: 'undeliverable', detail: expect.stringContaining('bounced for good on 2026-10-30 (5.1.1)') }]);
    // Nothing of the bounce's other ticket or its diagnostic.
    expect(JSON.stringify(recipients)).not.toMatch(/SD-99|HR-3/);
  });
});
