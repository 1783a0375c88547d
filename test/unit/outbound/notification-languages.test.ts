import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/config/config-error.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { commentNotification, invitationNotification, ticketNotifications } from '../../../shared/domain/notifications.ts';
import { approverLanguage, chooseLanguage } from '../../../shared/domain/recipient-language.ts';
import type { Ticket } from '../../../shared/domain/ticket.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const baseConfig = {
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [{ email: 'alice@example.com', name: 'Alice', role: 'agent' }],
  desks: [
    { id: 'it', name: 'IT Support', levels: [{ id: 'l1', name: 'Level 1', members: ['alice@example.com'] }] },
    { id: 'hr', name: 'Personal', defaultLanguage: 'de', levels: [{ id: 'l1', name: 'Level 1' }] },
  ],
  email: { address: 'support@desk.example.com', name: 'Example Desk' },
};

const ticket: Ticket = aTicket({ key: 'SD-7', requester: { email: 'jane@example.com', name: 'Jane' }, channel: 'email' });

function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the language of a mail', () => {
  it('chooses the directory language, then the written one, then the desk default, passing over languages without templates', () => {
    const available = ['en', 'de'];
    expect(chooseLanguage({ directory: 'en', written: 'de', desk: 'de' }, available, 'en')).toBe('en');
    expect(chooseLanguage({ written: 'de', desk: 'en' }, available, 'en')).toBe('de');
    expect(chooseLanguage({ written: 'fr', desk: 'de' }, available, 'en')).toBe('de');
    expect(chooseLanguage({}, available, 'de')).toBe('de');
  });

  it('acknowledges in German a ticket whose language is German, with German words for its status', () => {
    const config = parseConfig(baseConfig);
    const [ack] = ticketNotifications(undefined, { ...ticket, language: 'de' }, config);
    expect(ack!.text).toContain('Hallo Jane,\n\nWir haben Ihre Anfrage erhalten und das Ticket SD-7 eröffnet.');
    expect(ack!.html).toContain('<p>Hallo Jane,</p><p>Wir haben Ihre Anfrage erhalten');
    const before = { ...ticket, language: 'de', status: 'open' as const };
    const [status] = ticketNotifications(before, { ...before, status: 'pending', version: 2 }, config);
    expect(status!.text).toContain('Der Status des Tickets SD-7 ist jetzt: wartet auf Ihre Antwort.');
  });

  it("writes in the requester's directory language over the ticket's", () => {
    const config = parseConfig({ ...baseConfig, directory: [{ email: 'jane@example.com', language: 'en' }] });
    const [ack] = ticketNotifications(undefined, { ...ticket, language: 'de' }, config);
    expect(ack!.text).toContain('Hello Jane,\n\nWe received your request');
  });

  it("falls back to the desk's default for a ticket with no language, and to the configuration's after that", () => {
    const config = parseConfig({ ...baseConfig, defaultLanguage: 'de', desks: [baseConfig.desks[0], { ...baseConfig.desks[1], defaultLanguage: 'en' }] });
    expect(ticketNotifications(undefined, ticket, config)[0]!.text).toContain('Hallo Jane');
    expect(ticketNotifications(undefined, { ...ticket, desk: 'hr' }, config)[0]!.text).toContain('Hello Jane');
  });

  it("asks an approver in their directory language, else the ticket's", () => {
    const config = parseConfig({ ...baseConfig, directory: [{ email: 'boss@example.com', language: 'en' }] });
    const waiting: Ticket = {
      ...ticket,
      language: 'de',
      status: 'pending_approval',
      approval: {
        state: 'pending',
        current: 0,
        steps: [{ kind: 'group', group: 'g', label: 'Einkauf', approvers: ['boss@example.com', 'clerk@example.com'], decisions: [] }],
      } as unknown as Ticket['approval'],
    };
    const asks = ticketNotifications(undefined, waiting, config).filter((mail) => mail.kind === 'approval_request');
    expect(asks.map((mail) => [mail.to[0], mail.subject])).toEqual([
      ['boss@example.com', `Approval needed: ${ticket.subject}`],
      ['clerk@example.com', `Genehmigung erforderlich: ${ticket.subject}`],
    ]);
  });

  it('invites a person in their directory language', () => {
    const config = parseConfig({ ...baseConfig, directory: [{ email: 'new@example.com', language: 'de' }] });
    const mail = invitationNotification({ email: 'new@example.com', invitedBy: 'alice@example.com', invitedAt: '2026-11-02T09:00:00.000Z' } as never, config, 'https://desk.example.com');
    expect(mail!.subject).toBe('Einladung zu Example Desk');
  });

  it("uses a language's configured templates, and the English ones for kinds written without a language", () => {
    const templates = { en: { public_reply: { text: 'EN {{comment.body}}' } }, de: { public_reply: { text: 'DE {{comment.body}}' } } };
    const config = parseConfig({ ...baseConfig, email: { ...baseConfig.email, templates } });
    const comment = { id: 'c1', ticketKey: 'SD-7', author: { email: 'alice@example.com', role: 'agent' as const }, public: true, body: 'Tray 2.', attachments: [], createdAt: '2026-11-02T10:00:00.000Z' };
    expect(commentNotification({ ...ticket, language: 'de' }, comment, config)!.text).toBe('DE Tray 2.');
    expect(commentNotification({ ...ticket, language: 'en' }, comment, config)!.text).toBe('EN Tray 2.');
    const legacy = parseConfig({ ...baseConfig, email: { ...baseConfig.email, templates: { public_reply: { text: 'Old {{comment.body}}' } } } });
    expect(legacy.email!.templates).toEqual({ en: { public_reply: { text: 'Old {{comment.body}}' } } });
    expect(commentNotification({ ...ticket, language: 'en' }, comment, legacy)!.text).toBe('Old Tray 2.');
  });
});

describe('the configuration of languages', () => {
  it("refuses a language's templates that miss a part another language gives, naming language, kind, part and the fix", () => {
    const templates = { en: { acknowledgement: { text: 'Thanks', subject: 'Got it' } }, de: { acknowledgement: { text: 'Danke' } } };
    expect(problemsOf({ ...baseConfig, email: { ...baseConfig.email, templates } })).toEqual([
      'email.templates.de.acknowledgement.subject: missing: en gives acknowledgement.subject, so give it in de too (or remove it from en)',
    ]);
  });

  it('refuses a language without built-in templates that misses any part', () => {
    const problems = problemsOf({ ...baseConfig, email: { ...baseConfig.email, templates: { fr: { acknowledgement: { subject: 'Reçu', text: 'Merci', html: '<p>Merci</p>' } } } } });
    expect(problems).toHaveLength(7 * 3);
    expect(problems[0]).toBe("email.templates.fr.public_reply.subject: missing: fr has no built-in templates, so give public_reply.subject (every kind's subject, text and html) in fr");
  });

  it('refuses a default or directory language that has no templates, and a key that is no language', () => {
    expect(problemsOf({ ...baseConfig, defaultLanguage: 'fr', directory: [{ email: 'jane@example.com', language: 'it' }], email: { ...baseConfig.email, templates: { de: {}, acknowledgment: {} } } })).toEqual([
      'email.templates.acknowledgment: "acknowledgment" is not a language code; use one like en or de, with that language\'s templates inside it (templates.de.acknowledgement)',
    ]);
    expect(problemsOf({ ...baseConfig, defaultLanguage: 'fr', directory: [{ email: 'jane@example.com', language: 'it' }] })).toEqual([
      'defaultLanguage: "fr" has no templates; use en, de, or give its templates under email.templates.fr',
      'directory[0].language: "it" has no templates; use en, de, or give its templates under email.templates.it',
    ]);
  });
});

describe('the language of the approval page', () => {
  it("is the approver's directory language, else the ticket's", () => {
    const config = parseConfig({ ...baseConfig, directory: [{ email: 'boss@example.com', language: 'en' }] });
    expect(approverLanguage(config, 'boss@example.com', { ...ticket, language: 'de' })).toBe('en');
    expect(approverLanguage(config, 'clerk@example.com', { ...ticket, language: 'de' })).toBe('de');
    expect(approverLanguage(config, 'clerk@example.com', { ...ticket, desk: 'hr' })).toBe('de');
  });
});
