import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signApprovalLink } from '../../shared/auth/approval-link-token.ts';
import { openApprovalPage, scanLikeAMailFilter } from './approval-page-clients.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { eventually } from './polling.ts';

let app: TestApp;
let admin: string;
const APPROVER = 'mark.lead@example.org';

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.token({ role: 'admin' });
});

afterAll(() => app?.close());

/** A request waiting on its requester's manager, and the link of the approval email. */
async function requestWaitingOnApproval(): Promise<{ key: string; link: string }> {
  const created = await app.request('POST', '/tickets', {
    token: await app.token({ email: 'jane@example.org' }),
    body: { catalogItem: 'it-access-request', subject: `ERP access ${randomBytes(4).toString('hex')}`, customFields: { system: 'ERP', justification: 'I run the month-end close.' } },
  });
  expect(created.status, created.text).toBe(201);
  const key = created.json.ticket.key as string;
  const token = await signApprovalLink(app.approvalLinkKey, { ticketKey: key, step: 0, approver: APPROVER }, new Date());
  return { key, link: new URL(`/approvals/decide?token=${token}`, app.url).href };
}

async function approvalOf(key: string): Promise<{ status: string; approval: string; decisions: number }> {
  const ticket = (await app.request('GET', `/tickets/${key}`, { token: admin })).json.ticket;
  const history = (await app.request('GET', `/tickets/${key}/history`, { token: admin })).json.items as { action: string; changes: { field: string }[] }[];
  const decisions = history.filter((event) => event.action === 'approval' && event.changes.some((change) => change.field.startsWith('approval.steps['))).length;
  return { status: ticket.status, approval: ticket.approval.state, decisions };
}

const postForm = (body: URLSearchParams) => fetch(new URL('/approvals/decide', app.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });

describe('the approval page', () => {
  it('decides nothing for a client that follows every link and posts every form without running scripts', async () => {
    const { key, link } = await requestWaitingOnApproval();
    const requests = await scanLikeAMailFilter(link);
    // The scanner did find and post the decision form, with each button...
    const posts = requests.filter((request) => request.method === 'POST' && new URL(request.url).pathname === '/approvals/decide');
    expect(posts.map((post) => new URLSearchParams(post.body).get('decision'))).toEqual(expect.arrayContaining(['approve', 'reject']));
    expect(posts.every((post) => new URLSearchParams(post.body).has('token'))).toBe(true);
    // ...and decided nothing.
    expect(posts.every((post) => post.status >= 400)).toBe(true);
    expect(await approvalOf(key)).toEqual({ status: 'pending_approval', approval: 'pending', decisions: 0 });
    // The link still works for the person it was sent to.
    expect((await fetch(link)).status).toBe(200);
  });

  it('decides once a person clicks Approve on the page with its script running', async () => {
    const { key, link } = await requestWaitingOnApproval();
    const response = await fetch(link);
    const html = await response.text();
    const policy = response.headers.get('content-security-policy')!;
    // Strict: nothing loads, and the one script runs by its hash.
    expect(policy).toContain("default-src 'none'");
    expect(
      policy
        .split(';')
        .map((directive) => directive.trim())
        .find((directive) => directive.startsWith('script-src')),
    ).toMatch(/^script-src 'sha256-[A-Za-z0-9+/]+=*'$/);
    // Accessible: a language, one heading, a labelled comment field.
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<label for="comment">[\s\S]*<textarea id="comment"/);

    const page = openApprovalPage(html, policy);
    expect(page.scriptAllowed).toBe(true);
    const fields = page.click('approve');
    expect(fields.get('confirmation')).toMatch(/^\d+\.[0-9a-f]{64}$/);
    // Sooner than a person reads the request is refused; the person's decision then counts.
    const decided = await eventually(async () => {
      const answer = await postForm(fields);
      const text = await answer.text();
      if (answer.status === 403 && text.includes('sooner than a person reads it')) return undefined;
      return { status: answer.status, text };
    }, 'the confirmed decision was never accepted');
    expect(decided.status, decided.text).toBe(200);
    expect(decided.text).toContain('approved; it goes to the desk');
    expect(await approvalOf(key)).toEqual({ status: 'new', approval: 'approved', decisions: 1 });
  });

  it('decides nothing on a click that no person made, in an automated browser, or with the confirmation of another link', async () => {
    const { key, link } = await requestWaitingOnApproval();
    const response = await fetch(link);
    const html = await response.text();
    const policy = response.headers.get('content-security-policy')!;

    const scripted = openApprovalPage(html, policy).click('approve', { trusted: false });
    const automated = openApprovalPage(html, policy, { webdriver: true }).click('approve');
    for (const fields of [scripted, automated]) {
      expect(fields.get('confirmation')).toBe('');
      const answer = await postForm(fields);
      expect(answer.status).toBe(400);
      expect(await answer.text()).toMatch(/Nothing was decided.*confirmation: missing: the approval page decides only on a click/s);
    }

    const other = await requestWaitingOnApproval();
    const otherResponse = await fetch(other.link);
    const borrowed = openApprovalPage(await otherResponse.text(), otherResponse.headers.get('content-security-policy')!).click('approve');
    const mine = openApprovalPage(html, policy).click('approve');
    mine.set('confirmation', borrowed.get('confirmation')!);
    const answer = await postForm(mine);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('not a confirmation of the approval page for this link');
    expect(await approvalOf(key)).toEqual({ status: 'pending_approval', approval: 'pending', decisions: 0 });
  });

  it('tells a person without JavaScript how to decide after signing in, and that way decides', async () => {
    const { key, link } = await requestWaitingOnApproval();
    const html = await (await fetch(link)).text();
    expect(html).toMatch(new RegExp(`<noscript>[\\s\\S]*sign in[\\s\\S]*POST /tickets/${key}/approval`));
    const approver = await app.token({ email: APPROVER });
    const decided = await app.request('POST', `/tickets/${key}/approval`, { token: approver, body: { decision: 'approve' } });
    expect(decided.status, decided.text).toBe(200);
    expect(await approvalOf(key)).toEqual({ status: 'new', approval: 'approved', decisions: 1 });
  });
});
