import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbInvitations } from '../../shared/adapters/dynamodb/dynamodb-invitations.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { ENV } from '../../shared/environment.ts';
import { checkSignUp } from '../../shared/use-cases/check-sign-up.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { eventually } from './polling.ts';

/** POST /invitations: staff invite a person, the invitation mail goes out, and the sign-up rule lets them in. */

let app: TestApp;
let agent: string;
let invitations: DynamoDbInvitations;
const WEB_URL = 'https://portal.example.test';

/** The sent mails addressed to someone, oldest first, once there are at least `count`. */
function mailsTo(address: string, count: number) {
  return eventually(async () => {
    const dir = app.sideEffects!.outboxDir;
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.eml'))
      .sort();
    const mails = await Promise.all(files.map(async (file) => simpleParser(readFileSync(join(dir, file)))));
    const mine = mails.filter((mail) => JSON.stringify(mail.to).includes(address));
    return mine.length >= count ? mine : undefined;
  }, `${address} never got ${count} mails`);
}

const invite = (body: unknown, token = agent) => app.request('POST', '/invitations', { token, body });

beforeAll(async () => {
  process.env[ENV.publicWebUrl] = WEB_URL;
  app = await startTestApp({ sideEffects: true });
  agent = await app.token({ role: 'agent' });
  invitations = new DynamoDbInvitations(createDocumentClient(app.endpoint), app.tableName);
});

afterAll(() => app?.close());

describe('inviting a person to the portal', () => {
  it('stores the invitation and mails its link to the web app', async () => {
    const response = await invite({ email: 'Guest.One@Elsewhere.test', name: 'Gina Guest' });
    expect(response.status, response.text).toBe(201);
    expect(response.json.invitation).toMatchObject({ email: 'guest.one@elsewhere.test', name: 'Gina Guest', invitedBy: 'alice.agent@example.com' });
    expect(Date.parse(response.json.invitation.expiresAt) - Date.parse(response.json.invitation.invitedAt)).toBe(30 * 86_400_000);

    const [mail] = await mailsTo('guest.one@elsewhere.test', 1);
    expect(mail!.subject).toMatch(/^You are invited to /);
    expect(mail!.subject).not.toMatch(/\[SD-\d+\]/);
    expect(mail!.text).toContain('Hello Gina Guest');
    expect(mail!.text).toContain('Alice Agent invites you');
    expect(mail!.text).toContain(`${WEB_URL}/`);
    expect(mail!.html).toContain(`href="${WEB_URL}/"`);

    expect(await checkSignUp({ config: serviceDeskConfig(), invitations, now: () => new Date() })('guest.one@elsewhere.test')).toEqual({ allowed: true, ground: 'invited' });
  });

  it('refreshes the invitation and mails it again when the person is invited again', async () => {
    const first = await invite({ email: 'guest.two@elsewhere.test' });
    expect(first.status, first.text).toBe(201);
    await mailsTo('guest.two@elsewhere.test', 1);
    const again = await invite({ email: 'guest.two@elsewhere.test', name: 'Gus' });
    expect(again.status, again.text).toBe(200);
    expect(Date.parse(again.json.invitation.expiresAt)).toBeGreaterThanOrEqual(Date.parse(first.json.invitation.expiresAt));
    expect(await invitations.find('guest.two@elsewhere.test')).toMatchObject({ name: 'Gus', invitedAt: again.json.invitation.invitedAt });
    const mails = await mailsTo('guest.two@elsewhere.test', 2);
    expect(mails[1]!.text).toContain('Hello Gus');
  });

  it('refuses a missing or malformed address and unknown fields, naming each', async () => {
    const missing = await invite({});
    expect(missing.status).toBe(400);
    expect(missing.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['email']);
    const malformed = await invite({ email: 'not an address', name: '', role: 'admin' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['email', 'name', 'role']);
  });

  it('is for staff only', async () => {
    const requester = await invite({ email: 'friend@elsewhere.test' }, await app.token({ email: 'rita@example.org' }));
    expect(requester.status).toBe(403);
    const client = await invite({ email: 'friend@elsewhere.test' }, await app.token({ client: 'integration', scopes: ['servicedesk/tickets.write'] }));
    expect(client.status).toBe(403);
    expect(await invitations.find('friend@elsewhere.test')).toBeUndefined();
    for (const role of ['manager', 'admin'] as const) expect((await invite({ email: `by.${role}@elsewhere.test` }, await app.token({ role }))).status).toBe(201);
  });
});
