import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '../../servicedesk.config.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { ticketsOfRequester } from './polling.ts';

const ASSISTANT = 'jane.assistant@partner.example';
// Jane's mail names her assistant, in another company's domain, as where answers go.
const config = structuredClone(rawConfig) as typeof rawConfig & { directory: { email: string; replyTo?: string[] }[] };
config.directory = config.directory.map((entry) => (entry.email === 'jane@example.org' ? { ...entry, replyTo: [ASSISTANT] } : entry));

let app: TestApp;
let smtp: Transporter;
let admin: string;

beforeAll(async () => {
  app = await startTestApp({ config, sideEffects: true });
  admin = await app.token({ role: 'admin' });
  smtp = createTransport({ host: '127.0.0.1', port: app.sideEffects!.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  smtp?.close();
  await app?.close();
});

describe('a Reply-To the directory lists for the sender', () => {
  it('is kept as where replies go, in another domain, while the sender stays the requester', async () => {
    await smtp.sendMail({ from: 'Jane Doe <jane@example.org>', replyTo: ASSISTANT, to: 'support@desk.example.com', subject: 'Travel laptop', text: 'Please prepare one.' });
    const [ticket] = await ticketsOfRequester<{ requester: Record<string, unknown> }>(app, admin, 'jane@example.org', 1);
    expect(ticket!.requester).toEqual({ email: 'jane@example.org', name: 'Jane Doe', organisation: 'Sales', location: 'Berlin', replyTo: ASSISTANT });
  });

  it('is ignored for anyone the directory does not list it for', async () => {
    await smtp.sendMail({ from: 'rita@example.org', replyTo: ASSISTANT, to: 'support@desk.example.com', subject: 'Monitor', text: 'Flickers.' });
    const [ticket] = await ticketsOfRequester<{ requester: Record<string, unknown> }>(app, admin, 'rita@example.org', 1);
    expect(ticket!.requester).toEqual({ email: 'rita@example.org', name: 'Rita Requester', organisation: 'Finance', location: 'HQ' });
  });
});
