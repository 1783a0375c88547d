import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';
import { screenshotLightAndDark } from './screenshots.ts';
import { signIn } from './sign-in.ts';

const REQUESTER = 'rita@example.org';
/** Rita's manager in the directory: the approver of her access requests' first step. */
const APPROVER = 'mark.lead@example.org';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});

afterAll(async () => {
  await app?.close();
});

async function openAccessRequest(subject: string): Promise<string> {
  const token = await app.api.token({ email: REQUESTER });
  const created = await app.api.request('POST', '/tickets', {
    token,
    body: { catalogItem: 'it-access-request', subject, customFields: { system: 'ERP', justification: 'Month-end close' } },
  });
  expect(created.status).toBe(201);
  return created.json.ticket.key as string;
}

describe('requests and approvals', () => {
  it('shows a requester their request in My requests, and takes a reply', async () => {
    const token = await app.api.token({ email: REQUESTER });
    const created = await app.api.request('POST', '/tickets', { token, body: { catalogItem: 'it-hardware-broken', subject: 'Monitor flickers', customFields: { assetTag: 'MN-42' } } });
    const key = created.json.ticket.key as string;
    const { page } = await app.newPage();
    await signIn(page, REQUESTER, '/requests');
    await page.getByRole('heading', { name: 'My requests' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: /Monitor flickers/ }).click();
    await page.getByRole('heading', { name: `${key}: Monitor flickers` }).waitFor();
    await expectAccessible(page);
    await screenshotLightAndDark(page, 'request-view');

    await page.getByRole('textbox', { name: 'Your reply' }).fill('It also hums since this morning.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Your reply was sent.').waitFor();
    await expectAccessible(page);
    const ticket = await app.api.request('GET', `/tickets/${key}`, { token: await app.api.token({ role: 'agent' }) });
    expect(JSON.stringify(ticket.json)).toContain('It also hums since this morning.');
  });

  it('lets an approver approve one request and reject another with the reason', async () => {
    const approve = await openAccessRequest('ERP access for the close');
    const reject = await openAccessRequest('ERP admin rights');
    const { page } = await app.newPage();
    await signIn(page, APPROVER, '/approvals');
    await page.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
    await page.getByRole('article', { name: `${approve}: ERP access for the close` }).waitFor();
    await expectAccessible(page);

    const first = page.getByRole('article', { name: `${approve}: ERP access for the close` });
    await first.getByRole('textbox', { name: 'Comment' }).fill('Needed for Q4');
    await first.getByRole('button', { name: `Approve ${approve}` }).click();
    await page.getByText(`${approve} approved.`).waitFor();

    const second = page.getByRole('article', { name: `${reject}: ERP admin rights` });
    await second.getByRole('button', { name: `Reject ${reject}` }).click();
    // A rejection needs its reason; the field says so.
    await second.getByText('Give the reason for the rejection: the requester reads it.').waitFor();
    await expectAccessible(page);
    await second.getByRole('textbox', { name: 'Comment' }).fill('Admin rights go through the security team');
    await second.getByRole('button', { name: `Reject ${reject}` }).click();
    await page.getByText(`${reject} rejected.`).waitFor();
    await expectAccessible(page);

    const agent = await app.api.token({ role: 'agent' });
    const approved = await app.api.request('GET', `/tickets/${approve}`, { token: agent });
    const rejected = await app.api.request('GET', `/tickets/${reject}`, { token: agent });
    expect(approved.json.ticket.status).not.toBe('pending_approval');
    expect(rejected.json.ticket.status).toMatch(/closed|resolved/);
  });
});
