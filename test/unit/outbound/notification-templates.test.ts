import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/config/config-error.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { commentNotification, ticketNotifications } from '../../../shared/domain/notifications.ts';
import { APPROVAL_LINK_PLACEHOLDER } from '../../../shared/email/notification-templates.ts';
import type { Comment, Ticket } from '../../../shared/domain/ticket.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const baseConfig = {
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [{ email: 'alice@example.com', name: 'Alice', role: 'agent' }],
  desks: [{ id: 'it', name: 'IT Support', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }] }],
  email: { address: 'support@desk.example.com', name: 'Example Desk' },
};

const ticket: Ticket = aTicket({
  key: 'SD-7',
  subject: 'Printer <script>alert(1)</script> & jams',
  requester: { email: 'jane@example.com', name: 'Jane' },
  channel: 'email',
  watchers: ['tom@example.com'],
});

const reply = (over: Partial<Comment> = {}): Comment => ({
  id: 'c1',
  ticketKey: 'SD-7',
  author: { email: 'alice@example.com', role: 'agent' },
  public: true,
  body: 'Try tray 2.\nThen restart it.',
  attachments: [],
  createdAt: '2026-11-02T10:00:00.000Z',
  ...over,
});

describe('notification templates', () => {
  it('renders the built-in acknowledgement as text and HTML, values escaped in the HTML part only', () => {
    const [ack] = ticketNotifications(undefined, ticket, parseConfig(baseConfig));
    expect(ack).toMatchObject({ id: 'SD-7.acknowledgement.v1', to: ['jane@example.com'], cc: ['tom@example.com'], subject: ticket.subject, toRequester: true });
    expect(ack!.text).toContain('Hello Jane,\n\nWe received your request and opened ticket SD-7.');
    expect(ack!.text).toContain('Ticket SD-7: Printer <script>alert(1)</script> & jams');
    expect(ack!.html).toContain('<p>Hello Jane,</p>');
    expect(ack!.html).toContain('Printer &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; jams');
    expect(ack!.html).not.toContain('<script>');
  });

  it('takes the configured parts of a template and keeps the built-in ones for the rest', () => {
    const config = parseConfig({
      ...baseConfig,
      email: { ...baseConfig.email, templates: { acknowledgement: { subject: 'Received: {{ticket.subject}}', text: 'Dear {{requester.name}}, {{ticket.key}} is with {{ticket.desk}}.' } } },
    });
    const [ack] = ticketNotifications(undefined, ticket, config);
    expect(ack!.subject).toBe(`Received: ${ticket.subject}`);
    expect(ack!.text).toBe('Dear Jane, SD-7 is with IT Support.');
    expect(ack!.html).toContain('We received your request');
  });

  it('sends a public reply with its sanitised HTML as stored, or its text as escaped HTML with line breaks', () => {
    const config = parseConfig(baseConfig);
    const withHtml = commentNotification(ticket, reply({ html: '<p>Try <b>tray 2</b>.</p>' }), config)!;
    expect(withHtml.html).toContain('<div><p>Try <b>tray 2</b>.</p></div>');
    expect(withHtml.text).toContain('Try tray 2.\nThen restart it.');

    const textOnly = commentNotification(ticket, reply({ body: 'Use <b>tray</b> 2.\nThanks' }), config)!;
    expect(textOnly.html).toContain('Use &lt;b&gt;tray&lt;&#x2F;b&gt; 2.<br>\nThanks');
  });

  it('never mails an internal note or a requester comment', () => {
    const config = parseConfig(baseConfig);
    expect(commentNotification(ticket, reply({ public: false }), config)).toBeUndefined();
    expect(commentNotification(ticket, reply({ author: { email: 'jane@example.com', role: 'requester' } }), config)).toBeUndefined();
  });

  it('tells the requester of a resolution and the new assignee of an assignment', () => {
    const config = parseConfig(baseConfig);
    const after: Ticket = { ...ticket, status: 'resolved', assignee: 'alice@example.com', version: 3 };
    const mails = ticketNotifications({ ...ticket, status: 'open', version: 2 }, after, config);
    expect(mails.map((mail) => [mail.kind, mail.id, mail.to])).toEqual([
      ['resolved', 'SD-7.resolved.v3', ['jane@example.com']],
      ['assigned', 'SD-7.assigned.v3', ['alice@example.com']],
    ]);
    expect(mails[0]!.text).toContain('Ticket SD-7 was resolved.');
    expect(mails[1]!.text).toBe(`Ticket SD-7 (P3) is assigned to you: ${ticket.subject}\nRequester: jane@example.com\n`);
  });

  it('refuses a template Mustache cannot parse, naming its path (kinds without a language are the English templates)', () => {
    const input = { ...baseConfig, email: { ...baseConfig.email, templates: { resolved: { html: '<p>{{#ticket}}unclosed</p>' } } } };
    let problems: string[] = [];
    try {
      parseConfig(input);
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.join('\n')).toMatch(/^email\.templates\.en\.resolved\.html: not a valid Mustache template/m);
  });

  it('asks each approver of the step a request starts waiting on, once, and again when it moves to the next step', () => {
    const config = parseConfig(baseConfig);
    const waiting: Ticket = {
      ...ticket,
      status: 'pending_approval',
      approval: {
        state: 'pending',
        current: 0,
        steps: [
          { label: "Approval by the requester's manager", approvers: ['mark@example.org'] },
          { label: 'Approval by Security', approvers: ['sam@example.org', 'ada@example.org'] },
        ],
      },
    };
    const asked = ticketNotifications(undefined, waiting, config).filter((mail) => mail.kind === 'approval_request');
    expect(asked.map((mail) => [mail.id, mail.to, mail.approvalLink])).toEqual([['SD-7.approval_request.0.mark@example.org', ['mark@example.org'], { step: 0, approver: 'mark@example.org' }]]);
    expect(asked[0]!.subject).toBe(`Approval needed: ${ticket.subject}`);
    expect(asked[0]!.text).toContain(`Approval by the requester's manager is waiting for your decision.\n\nApprove or reject it here`);
    expect(asked[0]!.html).toContain(`<a href="${APPROVAL_LINK_PLACEHOLDER}">`);

    expect(ticketNotifications(waiting, { ...waiting, priority: 'P2', version: 2 }, config).filter((mail) => mail.kind === 'approval_request')).toEqual([]);
    const next: Ticket = { ...waiting, approval: { ...waiting.approval!, current: 1 }, version: 3 };
    expect(
      ticketNotifications(waiting, next, config)
        .filter((mail) => mail.kind === 'approval_request')
        .map((mail) => mail.to[0]),
    ).toEqual(['sam@example.org', 'ada@example.org']);
  });

  it('mails internationalised domains in their ASCII form and leaves out addresses SES cannot send to (a non-ASCII local part)', () => {
    const config = parseConfig(baseConfig);
    const idn = ticketNotifications(undefined, { ...ticket, requester: { email: 'jane@mächine.example' }, watchers: ['jdöe@example.org', 'tom@example.com'] }, config)[0]!;
    expect([idn.to, idn.cc]).toEqual([['jane@xn--mchine-bua.example'], ['tom@example.com']]);
    expect(ticketNotifications(undefined, { ...ticket, requester: { email: 'jdöe@mächine.example' }, watchers: [] }, config)).toEqual([]);
    expect(commentNotification({ ...ticket, requester: { email: 'jdöe@example.org' }, watchers: [] }, reply(), config)).toBeUndefined();
  });
});
