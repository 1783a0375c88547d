import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '../../servicedesk.config.ts';
import { signApprovalLink } from '../../shared/auth/approval-link-token.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { eventually, ticketsOfRequester } from './polling.ts';

const DESK = 'support@desk.example.com';
const unique = () => `${Date.now()}.${Math.random().toString(36).slice(2)}`;

// The IT desk writes English by default, the HR desk (which payroll mail goes to) German; Jane's
// directory entry says English, her manager's (who approves her access requests) German.
const config = structuredClone(rawConfig) as typeof rawConfig & {
  defaultLanguage?: string;
  desks: { id: string; defaultLanguage?: string }[];
  directory: { email: string; language?: string }[];
  routingRules: unknown[];
};
config.defaultLanguage = 'en';
config.desks = config.desks.map((desk) => (desk.id === 'hr' ? { ...desk, defaultLanguage: 'de' } : desk));
const LANGUAGES: Record<string, string> = { 'jane@example.org': 'en', 'mark.lead@example.org': 'de' };
config.directory = config.directory.map((entry) => (LANGUAGES[entry.email] ? { ...entry, language: LANGUAGES[entry.email] } : entry));
config.routingRules = [{ id: 'payroll', description: 'Payroll questions go to HR', when: { subjectKeywords: ['payroll'] }, then: { desk: 'hr' } }, ...config.routingRules];

let app: TestApp;
let smtp: Transporter;
let admin: string;
// HR is restricted: only its staff (and the requester) see its tickets.
let hrManager: string;

/** The acknowledgement mailed to an address, from the outbox (exact copies of what was sent); bounded polling. */
function acknowledgementTo(address: string) {
  return eventually(async () => {
    const dir = app.sideEffects!.outboxDir;
    const files = readdirSync(dir).filter((file) => file.endsWith('.eml'));
    const mails = await Promise.all(files.map((file) => simpleParser(readFileSync(join(dir, file)))));
    return mails.find((mail) => JSON.stringify(mail.to).includes(address));
  }, `${address} never got an acknowledgement`);
}

/** Mails a request over SMTP into the local runtime and returns the ticket it opened and its acknowledgement. */
async function mailRequest(from: string, subject: string, text: string, reader = admin) {
  await smtp.sendMail({ from, to: DESK, subject, text });
  const [ticket] = await ticketsOfRequester<{ key: string; desk: string; language: string }>(app, reader, from, 1);
  return { ticket: ticket!, ack: await acknowledgementTo(from) };
}

beforeAll(async () => {
  app = await startTestApp({ config, sideEffects: true });
  admin = await app.token({ role: 'admin' });
  hrManager = await app.token({ email: 'hugo.hr@example.com' });
  smtp = createTransport({ host: '127.0.0.1', port: app.sideEffects!.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp?.close();
  await app?.close();
});

describe("acknowledgements in the requester's language", () => {
  it('acknowledges a German mail in German, on a desk that writes English by default', async () => {
    const from = `lena.${unique()}@example.org`;
    const { ticket, ack } = await mailRequest(from, 'Drucker im zweiten Stock', 'Seit heute Morgen druckt der Drucker im zweiten Stock nicht mehr. Können Sie bitte jemanden vorbeischicken?');
    expect(ticket).toMatchObject({ desk: 'it', language: 'de' });
    expect(ack.text).toContain(`Wir haben Ihre Anfrage erhalten und das Ticket ${ticket.key} eröffnet.`);
    expect(ack.html).toContain('<p>Hallo ');
  });

  it('acknowledges in the language the directory gives, over the one the mail is written in', async () => {
    const { ticket, ack } = await mailRequest('jane@example.org', 'Neuer Laptop', 'Hallo, ich brauche für meine Reise nächste Woche einen Laptop mit deutscher Tastatur.');
    expect(ticket.language).toBe('en');
    expect(ack.text).toContain('Hello Jane Doe,\n\nWe received your request');
  });

  it('acknowledges an English mail in English, on a desk that writes German by default', async () => {
    const from = `tom.${unique()}@example.org`;
    const { ticket, ack } = await mailRequest(from, 'Payroll question', 'My payslip for November is missing the overtime hours I worked in October. Could you please check it?', hrManager);
    expect(ticket).toMatchObject({ desk: 'hr', language: 'en' });
    expect(ack.text).toContain(`We received your request and opened ticket ${ticket.key}.`);
  });

  it("acknowledges a mail too short to tell in the desk's default language", async () => {
    const from = `ola.${unique()}@example.org`;
    const { ticket, ack } = await mailRequest(from, 'Payroll', 'Hi?', hrManager);
    expect(ticket).toMatchObject({ desk: 'hr', language: 'de' });
    expect(ack.text).toContain('Wir haben Ihre Anfrage erhalten');
  });
});

describe("the approval page in the approver's language", () => {
  it("shows the page in the approver's directory language, whatever the requester's", async () => {
    const created = await app.request('POST', '/tickets', {
      token: await app.token({ email: 'jane@example.org' }),
      body: { catalogItem: 'it-access-request', subject: `ERP access ${unique()}`, customFields: { system: 'ERP', justification: 'I run the month-end close.' } },
    });
    expect(created.status, created.text).toBe(201);
    const ticket = created.json.ticket as { key: string; language: string };
    expect(ticket.language).toBe('en');
    const token = await signApprovalLink(app.approvalLinkKey, { ticketKey: ticket.key, step: 0, approver: 'mark.lead@example.org' }, new Date());
    const page = await fetch(new URL(`/approvals/decide?token=${token}`, app.url));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`<title>${ticket.key} genehmigen?</title>`);
    expect(html).toContain('<button type="submit" name="decision" value="approve">Genehmigen</button>');
    expect(html).toContain('Angefragt von Jane &lt;jane@example.org&gt; ·');
  });
});
