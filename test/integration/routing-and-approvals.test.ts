import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signApprovalLink } from '../../shared/auth/approval-link-token.ts';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const token = async (email: string) => (tokens[email] ??= await app.token({ email }));

type Ticket = {
  key: string;
  status: string;
  desk: string;
  level: string;
  assignee?: string;
  priority: string;
  tags: string[];
  approval?: { state: string; current: number; steps: { approvers: string[]; decision?: string }[] };
};
type HistoryItem = { action: string; detail?: string; actor: { kind: string; id: string }; changes: { field: string; to: unknown }[] };

async function request(asEmail: string, body: Record<string, unknown>): Promise<Ticket> {
  const response = await app.request('POST', '/tickets', { token: await token(asEmail), body });
  expect(response.status, response.text).toBe(201);
  return response.json.ticket;
}

async function history(key: string, asEmail = 'admin@example.com'): Promise<HistoryItem[]> {
  const response = await app.request('GET', `/tickets/${key}/history`, { token: await token(asEmail) });
  expect(response.status, response.text).toBe(200);
  return response.json.items;
}

const repair = (room: string) => ({ catalogItem: 'facilities-repair', subject: `Broken blind in ${room}`, customFields: { room } });

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(() => app?.close());

describe('request forms', () => {
  it('names every missing or wrong field of the form, and opens nothing', async () => {
    const response = await app.request('POST', '/tickets', {
      token: await token('jane@example.org'),
      body: { catalogItem: 'it-access-request', subject: 'CRM access', customFields: { justification: 'short', accessLevel: 'admin' } },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['customFields.accessLevel', 'customFields.justification', 'customFields.system']);
    const mine = await app.request('GET', '/tickets?status=all', { token: await token('jane@example.org') });
    expect(mine.json.items).toEqual([]);
  });

  it('refuses an unknown catalog item, naming it', async () => {
    const response = await app.request('POST', '/tickets', { token: await token('jane@example.org'), body: { catalogItem: 'it-teleporter', subject: 'Beam me up' } });
    expect(response.status).toBe(400);
    expect(response.json.error.details).toEqual([{ path: 'catalogItem', message: 'not an item of GET /catalog' }]);
  });

  it("applies the form defaults and the catalog item's category and type", async () => {
    const ticket = await request('rita@example.org', {
      catalogItem: 'it-access-request',
      subject: 'ERP access',
      customFields: { system: 'ERP', justification: 'I run the month-end close.' },
    });
    expect(ticket).toMatchObject({ type: 'service_request', category: ['IT', 'Access', 'Request system access'], customFields: { system: 'ERP', accessLevel: 'read' } });
  });
});

describe('round robin', () => {
  it('gives 100 concurrent requests to the 4 caretakers, 25 each', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, async (_, index) => app.request('POST', '/tickets', { token: await token('rita@example.org'), body: repair(`room ${index}`) })));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const counts = new Map<string, number>();
    for (const response of responses) counts.set(response.json.ticket.assignee, (counts.get(response.json.ticket.assignee) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      'frank.facilities@example.com': 25,
      'fiona.facilities@example.com': 25,
      'femi.facilities@example.com': 25,
      'fatima.facilities@example.com': 25,
    });
  });

  it('skips a caretaker who is marked unavailable, and records how it assigned', async () => {
    const off = await app.request('PUT', '/agents/femi.facilities@example.com/availability', { token: await token('femi.facilities@example.com'), body: { available: false } });
    expect(off.status).toBe(200);
    const assignees = [];
    for (let index = 0; index < 6; index++) assignees.push((await request('rita@example.org', repair(`annex ${index}`))).assignee);
    expect(assignees).not.toContain('femi.facilities@example.com');
    expect(new Set(assignees).size).toBe(3);
    await app.request('PUT', '/agents/femi.facilities@example.com/availability', { token: await token('maria.manager@example.com'), body: { available: true } });
    const events = await history((await request('rita@example.org', repair('lobby'))).key, 'maria.manager@example.com');
    expect(events.map((event) => event.action)).toEqual(['created', 'routed', 'assigned']);
    expect(events[2]!.detail).toMatch(/^round robin: /);
  });
});

describe('routing rules and workload', () => {
  it("sends a VIP's IT request straight to level 2, saying which rule decided", async () => {
    const ticket = await request('ceo@example.org', { catalogItem: 'it-access-password', subject: 'Locked out' });
    expect(ticket).toMatchObject({ desk: 'it', level: 'l2', tags: ['vip'] });
    const routed = (await history(ticket.key, 'maria.manager@example.com')).find((event) => event.action === 'routed')!;
    expect(routed.detail).toContain('vip-to-l2');
  });

  it('gives level 2 work to the least loaded agent', async () => {
    const vipTicket = () => request('ceo@example.org', { catalogItem: 'it-access-password', subject: 'Locked out again' });
    const counts = async () => {
      const manager = await token('maria.manager@example.com');
      const count = async (email: string) => (await app.request('GET', `/tickets?assignee=${email}&limit=100`, { token: manager })).json.items.length as number;
      return { bob: await count('bob.agent@example.com'), eve: await count('eve.agent@example.com') };
    };
    const before = await counts();
    const next = await vipTicket();
    const lighter = before.bob <= before.eve ? 'bob.agent@example.com' : 'eve.agent@example.com';
    if (before.bob !== before.eve) expect(next.assignee).toBe(lighter);
    // Load Bob with three more tickets by hand: new work must go to Eve.
    for (let index = 0; index < 3; index++) {
      const extra = await vipTicket();
      await app.request('PATCH', `/tickets/${extra.key}`, { token: await token('maria.manager@example.com'), body: { assignee: 'bob.agent@example.com' } });
    }
    const after = await counts();
    expect(after.bob).toBeGreaterThan(after.eve);
    expect((await vipTicket()).assignee).toBe('eve.agent@example.com');
  });

  it('raises an outage to P1 on level 2 whatever was asked for', async () => {
    const ticket = await request('maria.manager@example.com', { subject: 'Mail outage on floor 2', requester: { email: 'jane@example.org' }, priority: 'P4' });
    expect(ticket).toMatchObject({ desk: 'it', level: 'l2', priority: 'P1', tags: ['major-incident'] });
  });
});

describe('restricted desks', () => {
  it('hides an HR case from IT agents and admins (404) but shows it to the requester and HR', async () => {
    const ticket = await request('rita@example.org', { catalogItem: 'hr-payroll', subject: 'Overtime missing on payslip' });
    expect(ticket.desk).toBe('hr');
    expect(['hana.hr@example.com', 'henry.hr@example.com']).toContain(ticket.assignee);
    for (const outsider of ['alice.agent@example.com', 'admin@example.com', 'maria.manager@example.com']) {
      expect((await app.request('GET', `/tickets/${ticket.key}`, { token: await token(outsider) })).status, outsider).toBe(404);
    }
    const client = await app.token({ client: 'reporting', scopes: ['servicedesk/tickets.read'] });
    expect((await app.request('GET', `/tickets/${ticket.key}`, { token: client })).status).toBe(404);
    for (const insider of ['rita@example.org', 'hana.hr@example.com', 'hugo.hr@example.com']) {
      expect((await app.request('GET', `/tickets/${ticket.key}`, { token: await token(insider) })).status, insider).toBe(200);
    }
  });

  describe('moving a case out', () => {
    const NOTE = 'note-4e1a: salary advance agreed with the works council';
    let hana: string;
    let caseKey: string;

    beforeAll(async () => {
      hana = await token('hana.hr@example.com');
      caseKey = (await request('rita@example.org', { catalogItem: 'hr-payroll', subject: 'Salary advance' })).key;
      expect((await app.request('POST', `/tickets/${caseKey}/comments`, { token: hana, body: { body: NOTE, public: false } })).status).toBe(201);
    });

    it('refuses to move an HR case to IT without confirmRestrictedMove (422 naming it), by desk or by recategorising, and keeps it in HR', async () => {
      for (const body of [{ desk: 'it' }, { desk: 'it', confirmRestrictedMove: false }, { catalogItem: 'it-access-password' }]) {
        const refused = await app.request('PATCH', `/tickets/${caseKey}`, { token: hana, body });
        expect(refused.status, refused.text).toBe(422);
        expect(refused.json.error).toMatchObject({ code: 'confirmation_required', details: [{ path: 'confirmRestrictedMove', message: expect.any(String) }] });
      }
      expect((await app.request('GET', `/tickets/${caseKey}`, { token: hana })).json.ticket.desk).toBe('hr');
      expect((await app.request('GET', `/tickets/${caseKey}`, { token: await token('alice.agent@example.com') })).status).toBe(404);
    });

    it('moves it when the request confirms, recording who moved it and that its internal notes went with it', async () => {
      const moved = await app.request('PATCH', `/tickets/${caseKey}`, { token: hana, body: { desk: 'it', confirmRestrictedMove: true } });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.json.ticket).toMatchObject({ desk: 'it', level: 'l1' });
      const events = await history(caseKey, 'alice.agent@example.com');
      const move = events.find((event) => event.action === 'updated' && event.changes.some((change) => change.field === 'desk'));
      expect(move).toMatchObject({
        action: 'updated',
        actor: { kind: 'user', id: 'hana.hr@example.com' },
        detail: expect.stringContaining('left the restricted desk hr; its internal notes went with it to it'),
      });
      // What the confirmation was about: IT now reads the note.
      expect((await app.request('GET', `/tickets/${caseKey}`, { token: await token('alice.agent@example.com') })).text).toContain('note-4e1a');
    });
  });
});

describe('approvals', () => {
  it('holds a request until its manager and then the approver group say yes, then releases it to the desk', async () => {
    const ticket = await request('jane@example.org', { catalogItem: 'it-hardware-laptop', subject: 'Laptop for a new hire', customFields: { model: '14-inch' } });
    expect(ticket.status).toBe('pending_approval');
    expect(ticket.assignee).toBeUndefined();
    expect(ticket.approval!.steps.map((step) => step.approvers)).toEqual([['mark.lead@example.org'], ['admin@example.com', 'sam.security@example.org']]);

    // Nobody but the waiting step's approvers decides, and the approver can read the request.
    const early = await app.request('POST', `/tickets/${ticket.key}/approval`, { token: await token('sam.security@example.org'), body: { decision: 'approve' } });
    expect(early.status).toBe(403);
    expect((await app.request('GET', `/tickets/${ticket.key}`, { token: await token('mark.lead@example.org') })).status).toBe(200);

    const first = await app.request('POST', `/tickets/${ticket.key}/approval`, { token: await token('mark.lead@example.org'), body: { decision: 'approve', comment: 'Budgeted' } });
    expect(first.status, first.text).toBe(200);
    expect(first.json.ticket).toMatchObject({ status: 'pending_approval', approval: { state: 'pending', current: 1 } });

    const second = await app.request('POST', `/tickets/${ticket.key}/approval`, { token: await token('sam.security@example.org'), body: { decision: 'approve' } });
    expect(second.json.ticket).toMatchObject({ status: 'new', approval: { state: 'approved' } });

    const again = await app.request('POST', `/tickets/${ticket.key}/approval`, { token: await token('sam.security@example.org'), body: { decision: 'approve' } });
    expect(again.status).toBe(409);
    const decisions = (await history(ticket.key)).filter((event) => event.action === 'approval');
    expect(decisions.map((event) => event.detail)).toEqual([expect.stringContaining('waiting for'), expect.stringContaining('approved; comment: Budgeted'), expect.stringContaining('approved')]);
  });

  it('lets approvers read a request while a step of theirs waits and after they decided it, and nobody else of their group after', async () => {
    const ticket = await request('jane@example.org', { catalogItem: 'it-hardware-laptop', subject: 'Laptop for an intern', customFields: { model: '14-inch' } });
    const read = async (email: string) => (await app.request('GET', `/tickets/${ticket.key}`, { token: await token(email) })).status;
    expect(await read('mark.lead@example.org')).toBe(200);
    expect(await read('sam.security@example.org')).toBe(200);
    const decide = async (email: string) => {
      const response = await app.request('POST', `/tickets/${ticket.key}/approval`, { token: await token(email), body: { decision: 'approve' } });
      expect(response.status, response.text).toBe(200);
    };
    await decide('mark.lead@example.org');
    await decide('admin@example.com');
    // Mark decided his step; Sam's group decided through the admin, so Sam no longer reads it.
    expect(await read('mark.lead@example.org')).toBe(200);
    expect(await read('sam.security@example.org')).toBe(404);
    expect((await app.request('GET', `/tickets/${ticket.key}/history`, { token: await token('mark.lead@example.org') })).status).toBe(403);
  });

  it('refuses a comment by an approver with 403, so an approver never speaks as the requester or reopens the request', async () => {
    const ticket = await request('jane@example.org', { catalogItem: 'it-hardware-laptop', subject: 'Laptop for a temp', customFields: { model: '16-inch' } });
    const mark = await token('mark.lead@example.org');
    const waiting = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: mark, body: { body: 'Is 14-inch not enough?' } });
    expect(waiting.status, waiting.text).toBe(403);
    expect((await app.request('POST', `/tickets/${ticket.key}/approval`, { token: mark, body: { decision: 'approve' } })).status).toBe(200);
    const afterDecision = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: mark, body: { body: 'Approved, enjoy' } });
    expect(afterDecision.status, afterDecision.text).toBe(403);
    const view = await app.request('GET', `/tickets/${ticket.key}`, { token: await token('jane@example.org') });
    expect(view.json.comments).toEqual([]);
    expect(view.json.ticket.status).toBe('pending_approval');
  });

  it('closes a rejected request and tells the requester why', async () => {
    const ticket = await request('rita@example.org', { catalogItem: 'hr-leave', subject: 'Leave for a move', customFields: { from: '2026-12-01', until: '2026-12-03' } });
    expect(ticket.status).toBe('pending_approval');
    const noReason = await app.request('POST', `/tickets/${ticket.key}/approval`, { token: await token('mark.lead@example.org'), body: { decision: 'reject' } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.details[0].path).toBe('comment');

    const rejected = await app.request('POST', `/tickets/${ticket.key}/approval`, { token: await token('mark.lead@example.org'), body: { decision: 'reject', comment: 'Quarter-end freeze' } });
    expect(rejected.json.ticket).toMatchObject({ status: 'closed', approval: { state: 'rejected' } });
    const view = await app.request('GET', `/tickets/${ticket.key}`, { token: await token('rita@example.org') });
    expect(view.json.comments.map((comment: { body: string }) => comment.body)).toEqual(['The request was not approved. Reason: Quarter-end freeze']);
  });
});

describe('approval links', () => {
  const link = (ticketKey: string, step: number, approver: string, now = new Date()) => signApprovalLink(app.approvalLinkKey, { ticketKey, step, approver }, now);
  const decide = (body: Record<string, unknown>) => app.request('POST', '/approvals/decide', { body });

  it('lets an approver decide from the signed link of the email, without signing in', async () => {
    const ticket = await request('jane@example.org', { catalogItem: 'it-hardware-laptop', subject: 'Laptop', customFields: { model: '16-inch' } });
    const first = await decide({ token: await link(ticket.key, 0, 'mark.lead@example.org'), decision: 'approve' });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toEqual({ ticketKey: ticket.key, status: 'pending_approval', approval: 'pending' });

    // The first step's link is spent; the second step's approvers decide next.
    const replay = await decide({ token: await link(ticket.key, 0, 'mark.lead@example.org'), decision: 'approve' });
    expect(replay.status).toBe(409);
    const wrongPerson = await decide({ token: await link(ticket.key, 1, 'mark.lead@example.org'), decision: 'approve' });
    expect(wrongPerson.status).toBe(403);
    const second = await decide({ token: await link(ticket.key, 1, 'sam.security@example.org'), decision: 'reject', comment: 'Not this quarter' });
    expect(second.json).toEqual({ ticketKey: ticket.key, status: 'closed', approval: 'rejected' });
    const events = await history(ticket.key);
    expect(events.filter((event) => event.action === 'approval').map((event) => event.detail)).toEqual([
      expect.stringContaining('waiting for'),
      expect.stringContaining('approved'),
      expect.stringContaining('rejected; comment: Not this quarter'),
    ]);
  });

  it('refuses a forged, altered or expired link with 403 naming the token, and changes nothing', async () => {
    const ticket = await request('jane@example.org', { catalogItem: 'it-software-install', subject: 'Graph tool', customFields: { software: 'Plotter 2' } });
    const valid = await link(ticket.key, 0, 'admin@example.com');
    const forged = await signApprovalLink(new TextEncoder().encode('not-the-desk-key-not-the-desk-key'), { ticketKey: ticket.key, step: 0, approver: 'admin@example.com' }, new Date());
    const altered = `${valid.slice(0, -4)}AAAA`;
    const expired = await link(ticket.key, 0, 'admin@example.com', new Date(Date.now() - 15 * 24 * 60 * 60 * 1000));
    for (const token of [forged, altered, expired]) {
      const response = await decide({ token, decision: 'approve' });
      expect(response.status).toBe(403);
      expect(response.json.error.details[0].path).toBe('token');
    }
    expect((await decide({ token: expired, decision: 'approve' })).json.error.details[0].message).toContain('expired');
    const view = await app.request('GET', `/tickets/${ticket.key}`, { token: await token('admin@example.com') });
    expect(view.json.ticket.status).toBe('pending_approval');
  });
});

describe('escalation and recategorising', () => {
  it('walks a facilities ticket up its levels and on to IT, then refuses at the top', async () => {
    const manager = await token('maria.manager@example.com');
    const ticket = await request('rita@example.org', repair('server room'));
    const toL2 = await app.request('POST', `/tickets/${ticket.key}/escalate`, { token: manager, body: { reason: 'Needs a contractor' } });
    expect(toL2.json.ticket).toMatchObject({ desk: 'facilities', level: 'l2' });
    expect(toL2.json.ticket.assignee).toBeUndefined(); // manual level
    const toIt = await app.request('POST', `/tickets/${ticket.key}/escalate`, { token: manager });
    expect(toIt.json.ticket).toMatchObject({ desk: 'it', level: 'l1' });
    const toItL2 = await app.request('POST', `/tickets/${ticket.key}/escalate`, { token: manager });
    expect(toItL2.json.ticket).toMatchObject({ desk: 'it', level: 'l2' });
    expect(['bob.agent@example.com', 'eve.agent@example.com']).toContain(toItL2.json.ticket.assignee);
    const top = await app.request('POST', `/tickets/${ticket.key}/escalate`, { token: manager });
    expect(top.status).toBe(409);
    const escalations = (await history(ticket.key)).filter((event) => event.action === 'escalated');
    expect(escalations[0]!.detail).toContain('reason: Needs a contractor');
    expect(escalations).toHaveLength(3);
  });

  it('does not let a requester escalate', async () => {
    const ticket = await request('rita@example.org', repair('kitchen'));
    expect((await app.request('POST', `/tickets/${ticket.key}/escalate`, { token: await token('rita@example.org') })).status).toBe(403);
  });

  it('re-routes and re-assigns a recategorised ticket', async () => {
    const ticket = await request('rita@example.org', { catalogItem: 'it-access-password', subject: 'The door code does not work' });
    expect(ticket.desk).toBe('it');
    const moved = await app.request('PATCH', `/tickets/${ticket.key}`, {
      token: await token('alice.agent@example.com'),
      body: { catalogItem: 'facilities-move', customFields: {} },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.ticket).toMatchObject({ desk: 'facilities', level: 'l1', catalogItem: 'facilities-move', category: ['Facilities', 'Desk move'] });
    expect(moved.json.ticket.assignee).toMatch(/facilities@example.com$/);
  });
});

describe('desk queues by level', () => {
  it('lists one level of a desk to its staff', async () => {
    const agent = await token('bob.agent@example.com');
    const level2 = await app.request('GET', '/desks/it/queue?level=l2&limit=100', { token: agent });
    expect(level2.status).toBe(200);
    expect(level2.json.items.length).toBeGreaterThan(0);
    expect(level2.json.items.every((item: Ticket) => item.level === 'l2' && item.desk === 'it')).toBe(true);
    expect((await app.request('GET', '/desks/it/queue', { token: await token('hana.hr@example.com') })).status).toBe(403);
    expect((await app.request('GET', '/desks/legal/queue', { token: agent })).status).toBe(404);
    const badLevel = await app.request('GET', '/desks/it/queue?level=l9', { token: agent });
    expect(badLevel.status).toBe(400);
    expect(badLevel.json.error.details[0].path).toBe('level');
  });
});
