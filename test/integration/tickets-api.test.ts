import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContentIn, XSS_PAYLOADS } from '../support/xss-payloads.ts';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let agent: string; // alice: IT level 1
let manager: string; // maria: IT and Facilities
let facilitiesAgent: string;
let rita: string; // a requester
let mallory: string; // another requester

const newTicket = (overrides: Record<string, unknown> = {}) => ({
  subject: 'Laptop does not boot',
  description: 'Black screen after the update.',
  requester: { email: 'rita@example.org', name: 'Rita Requester' },
  ...overrides,
});

type Clock = { businessMinutesLeft?: number; [field: string]: unknown };
type TicketAnswer = { ticket: { sla?: { clocks: Clock[] }; [field: string]: unknown } };

/**
 * An answer without the working time left on its SLA clocks, which every answer works out at its
 * own instant (while the calendar is open it falls by the millisecond); the rest of a replay is the
 * first answer. Returns the times left beside it, to compare on their own.
 */
function apartFromTimeLeft(json: TicketAnswer): { answer: TicketAnswer; timeLeft: (number | undefined)[] } {
  const clocks = json.ticket.sla?.clocks ?? [];
  const answer = { ...json, ticket: { ...json.ticket, ...(json.ticket.sla ? { sla: { ...json.ticket.sla, clocks: clocks.map(({ businessMinutesLeft: _left, ...clock }) => clock) } } : {}) } };
  return { answer, timeLeft: clocks.map((clock) => clock.businessMinutesLeft) };
}

/** A replay answers as the first request was answered; only the time left may have run down since. */
function expectReplayOf(replay: TicketAnswer, first: TicketAnswer) {
  const again = apartFromTimeLeft(replay);
  const before = apartFromTimeLeft(first);
  expect(again.answer).toEqual(before.answer);
  again.timeLeft.forEach((left, index) => {
    const earlier = before.timeLeft[index];
    if (left === undefined || earlier === undefined) expect(left).toBe(earlier);
    else expect(Math.abs(left - earlier)).toBeLessThan(1);
  });
}

async function create(token: string, body: Record<string, unknown> = newTicket()) {
  const response = await app.request('POST', '/tickets', { token, body });
  expect(response.status, response.text).toBe(201);
  return response.json.ticket as { key: string; version: number; [field: string]: unknown };
}

beforeAll(async () => {
  app = await startTestApp();
  agent = await app.token({ role: 'agent' });
  manager = await app.token({ role: 'manager' });
  facilitiesAgent = await app.token({ email: 'frank.facilities@example.com' });
  rita = await app.token({ email: 'rita@example.org' });
  mallory = await app.token({ email: 'mallory@example.org' });
});

afterAll(() => app?.close());

describe('creating tickets', () => {
  it('opens a ticket with a key from the counter, an ETag and a Location', async () => {
    const response = await app.request('POST', '/tickets', { token: agent, body: newTicket({ impact: 'high', urgency: 'medium' }) });
    expect(response.status).toBe(201);
    const ticket = response.json.ticket;
    expect(ticket.key).toMatch(/^SD-\d+$/);
    expect(ticket).toMatchObject({ status: 'new', priority: 'P2', desk: 'it', level: 'l1', channel: 'api', version: 1, type: 'incident' });
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/tickets/${ticket.key}`);
  });

  it('lets a requester open a ticket for itself only', async () => {
    const own = await create(rita, { subject: 'VPN drops every hour' });
    expect(own.requester).toMatchObject({ email: 'rita@example.org' });
    const forSomeoneElse = await app.request('POST', '/tickets', { token: rita, body: newTicket({ requester: { email: 'boss@example.org' } }) });
    expect(forSomeoneElse.status).toBe(403);
    expect(forSomeoneElse.json.error.details).toEqual([{ path: 'requester.email', message: 'must be your own verified email address, or left out' }]);
  });

  it('gives 100 concurrent creates 100 distinct keys', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, (_, index) => app.request('POST', '/tickets', { token: agent, body: newTicket({ subject: `Burst ${index}` }) })));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(201));
    const keys = new Set(responses.map((response) => response.json.ticket.key));
    expect(keys.size).toBe(100);
  });

  it('returns the same ticket when a create is retried with its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await app.request('POST', '/tickets', { token: agent, body: newTicket(), headers });
    const retry = await app.request('POST', '/tickets', { token: agent, body: newTicket(), headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.json.ticket.key).toBe(first.json.ticket.key);
  });

  it('answers a replay with the ticket as the first request was answered, not as it is now', async () => {
    const headers = { 'idempotency-key': `first-answer-${Date.now()}` };
    const first = await app.request('POST', '/tickets', { token: agent, body: newTicket(), headers });
    expect(first.status).toBe(201);
    const key = first.json.ticket.key;
    expect((await app.request('PATCH', `/tickets/${key}`, { token: agent, body: { subject: 'Renamed later', priority: 'P1', assignee: 'dan.agent@example.com' } })).status).toBe(200);
    const replay = await app.request('POST', '/tickets', { token: agent, body: newTicket(), headers });
    expect(replay.status, replay.text).toBe(200);
    expectReplayOf(replay.json, first.json);
    expect(replay.headers.etag).toBe('"1"');
    expect(replay.text).not.toContain('Renamed later');
  });

  it("answers a replay with 404 once the ticket has left the caller's sight", async () => {
    // Alice works IT; the ticket she opens into HR is HR's from then on.
    const headers = { 'idempotency-key': `into-hr-${Date.now()}` };
    const body = newTicket({ subject: 'Confidential-8b2d payroll error', desk: 'hr' });
    const first = await app.request('POST', '/tickets', { token: agent, body, headers });
    expect(first.status, first.text).toBe(201);
    expect((await app.request('GET', `/tickets/${first.json.ticket.key}`, { token: agent })).status).toBe(404);
    const replay = await app.request('POST', '/tickets', { token: agent, body, headers });
    expect(replay.status, replay.text).toBe(404);
    expect(replay.text).not.toContain('Confidential-8b2d');
  });

  it('refuses a replay with a different body with 422 naming Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `reused-${Date.now()}` };
    const first = await app.request('POST', '/tickets', { token: agent, body: newTicket(), headers });
    expect(first.status).toBe(201);
    const other = await app.request('POST', '/tickets', { token: agent, body: newTicket({ subject: 'Another problem entirely' }), headers });
    expect(other.status, other.text).toBe(422);
    expect(other.json.error).toMatchObject({ code: 'idempotency_key_reused', details: [{ path: 'Idempotency-Key', message: expect.any(String) }] });
    expect(other.text).not.toContain(first.json.ticket.key);
    // The same request written differently (keys in another order, the email in capitals) is a replay.
    const reordered = await app.request('POST', '/tickets', {
      token: agent,
      body: { requester: { name: 'Rita Requester', email: 'RITA@example.org' }, description: 'Black screen after the update.', subject: 'Laptop does not boot' },
      headers,
    });
    expect(reordered.status, reordered.text).toBe(200);
    expect(reordered.json.ticket.key).toBe(first.json.ticket.key);
  });

  it('takes no ticket number for a replay', async () => {
    const numberOf = (response: { json: { ticket: { key: string } } }) => Number(response.json.ticket.key.split('-')[1]);
    const headers = { 'idempotency-key': `numbers-${Date.now()}` };
    const first = await app.request('POST', '/tickets', { token: agent, body: newTicket(), headers });
    for (let retry = 0; retry < 3; retry++) expect((await app.request('POST', '/tickets', { token: agent, body: newTicket(), headers })).status).toBe(200);
    const next = await app.request('POST', '/tickets', { token: agent, body: newTicket() });
    expect(numberOf(next)).toBe(numberOf(first) + 1);
  });

  it('opens one ticket when the same create arrives five times at once, answering the others as replays', async () => {
    const headers = { 'idempotency-key': `burst-${Date.now()}` };
    const responses = await Promise.all(Array.from({ length: 5 }, () => app.request('POST', '/tickets', { token: agent, body: newTicket(), headers })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((response) => response.json.ticket.key)).size).toBe(1);
    for (const response of responses) expectReplayOf(response.json, responses[0]!.json);
  });

  it('answers bad input with 400 naming each field, and creates nothing', async () => {
    const before = await app.request('GET', '/tickets?requester=nobody@example.org', { token: agent });
    const response = await app.request('POST', '/tickets', { token: agent, body: { subject: '', requester: { email: 'nobody@example.org' }, priority: 'urgent', desk: 'legal' } });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('validation_failed');
    expect(response.json.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['priority', 'subject']);
    const unknownDesk = await app.request('POST', '/tickets', { token: agent, body: newTicket({ requester: { email: 'nobody@example.org' }, desk: 'legal' }) });
    expect(unknownDesk.status).toBe(400);
    expect(unknownDesk.json.error.details[0].path).toBe('desk');
    const after = await app.request('GET', '/tickets?requester=nobody@example.org', { token: agent });
    expect(after.json.items).toEqual(before.json.items);
  });

  it('refuses a custom field number DynamoDB cannot hold exactly with 400 naming the field, burning no ticket number', async () => {
    const numberOf = (key: string) => Number(key.split('-')[1]);
    const before = await create(agent);
    // As a client would send them: JSON text, not JavaScript numbers (9007199254740993 has none).
    for (const unsafe of ['1e308', '9007199254740993', '1e-200', '-1e300']) {
      const body = `{"subject":"Meter reading","requester":{"email":"rita@example.org"},"customFields":{"reading":${unsafe}}}`;
      const refused = await app.request('POST', '/tickets', { token: agent, body, headers: { 'content-type': 'application/json' } });
      expect(refused.status, `${unsafe}: ${refused.text}`).toBe(400);
      expect(refused.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['customFields.reading']);
      const patched = await app.request('PATCH', `/tickets/${before.key}`, { token: agent, body: `{"customFields":{"reading":${unsafe}}}`, headers: { 'content-type': 'application/json' } });
      expect(patched.status, `${unsafe}: ${patched.text}`).toBe(400);
      expect(patched.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['customFields.reading']);
    }
    const after = await create(agent);
    expect(numberOf(after.key)).toBe(numberOf(before.key) + 1);
    // Numbers it holds come back as they were sent.
    const stored = await app.request('PATCH', `/tickets/${after.key}`, {
      token: agent,
      body: '{"customFields":{"big":9007199254740991,"small":1.5e-100,"ratio":0.30000000000000004}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(stored.status, stored.text).toBe(200);
    expect((await app.request('GET', `/tickets/${after.key}`, { token: agent })).json.ticket.customFields).toEqual({ big: 9007199254740991, small: 1.5e-100, ratio: 0.30000000000000004 });
  });

  it('refuses broken JSON (400), other media types (415) and oversized bodies (413)', async () => {
    const broken = await app.request('POST', '/tickets', { token: agent, body: '{"subject":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details[0].path).toBe('body');
    const form = await app.request('POST', '/tickets', { token: agent, body: 'subject=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const huge = await app.request('POST', '/tickets', { token: agent, body: newTicket({ description: 'x'.repeat(300_000) }) });
    expect(huge.status).toBe(413);
  });

  it('requires a token and a write scope', async () => {
    expect((await app.request('POST', '/tickets', { body: newTicket() })).status).toBe(401);
    const reader = await app.token({ client: 'monitoring', scopes: ['servicedesk/tickets.read'] });
    expect((await app.request('POST', '/tickets', { token: reader, body: newTicket() })).status).toBe(403);
    const writer = await app.token({ client: 'monitoring', scopes: ['servicedesk/tickets.write'] });
    const created = await app.request('POST', '/tickets', { token: writer, body: newTicket() });
    expect(created.status).toBe(201);
    const history = await app.request('GET', `/tickets/${created.json.ticket.key}/history`, { token: agent });
    expect(history.json.items[0].actor).toEqual({ kind: 'client', id: 'monitoring' });
  });
});

describe('reading tickets', () => {
  it('shows staff the conversation with internal notes and the requester only the public part', async () => {
    const ticket = await create(agent);
    await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'Checked the BIOS, looks fine.', public: false } });
    await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'Please try holding the power button for 30 s.' } });

    const forAgent = await app.request('GET', `/tickets/${ticket.key}`, { token: agent });
    expect(forAgent.json.comments.map((comment: { public: boolean }) => comment.public)).toEqual([false, true]);
    const forRequester = await app.request('GET', `/tickets/${ticket.key}`, { token: rita });
    expect(forRequester.status).toBe(200);
    expect(forRequester.json.comments).toHaveLength(1);
    expect(JSON.stringify(forRequester.json)).not.toContain('BIOS');
  });

  it('hides a ticket from another requester and from agents of other desks (404)', async () => {
    const ticket = await create(agent);
    expect((await app.request('GET', `/tickets/${ticket.key}`, { token: mallory })).status).toBe(404);
    expect((await app.request('GET', `/tickets/${ticket.key}`, { token: facilitiesAgent })).status).toBe(404);
    expect((await app.request('GET', `/tickets/${ticket.key}`, { token: manager })).status).toBe(200);
    expect((await app.request('GET', '/tickets/SD-999999', { token: agent })).status).toBe(404);
  });

  it('answers a malformed key with 400 naming the key', async () => {
    const response = await app.request('GET', '/tickets/not-a-key', { token: agent });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('key');
  });
});

describe('updating tickets', () => {
  it('changes fields with If-Match, returns the new ETag and records each change in history', async () => {
    const ticket = await create(agent);
    const response = await app.request('PATCH', `/tickets/${ticket.key}`, {
      token: agent,
      headers: { 'if-match': '"1"' },
      body: { status: 'open', priority: 'P1', assignee: 'alice.agent@example.com', tags: ['hardware'] },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json.ticket).toMatchObject({ status: 'open', priority: 'P1', assignee: 'alice.agent@example.com', version: 2 });

    const history = await app.request('GET', `/tickets/${ticket.key}/history`, { token: agent });
    expect(history.json.items.map((event: { action: string }) => event.action)).toEqual(['created', 'routed', 'assigned', 'updated']);
    expect(history.json.items[3].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'new', to: 'open' },
        { field: 'priority', from: 'P3', to: 'P1' },
        { field: 'assignee', from: null, to: 'alice.agent@example.com' },
      ]),
    );
    expect(history.json.items[3].actor).toMatchObject({ kind: 'user', id: 'alice.agent@example.com' });
  });

  it('lets exactly one of two concurrent PATCHes on the same version win; the other gets 412', async () => {
    const ticket = await create(agent);
    const [a, b] = await Promise.all([
      app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, headers: { 'if-match': '"1"' }, body: { priority: 'P1' } }),
      app.request('PATCH', `/tickets/${ticket.key}`, { token: manager, headers: { 'if-match': '"1"' }, body: { priority: 'P4' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.json.error.code).toBe('precondition_failed');
    expect(loser.headers.etag).toBe('"2"');
    const stored = await app.request('GET', `/tickets/${ticket.key}`, { token: agent });
    const winner = a.status === 200 ? a : b;
    expect(stored.json.ticket.priority).toBe(winner.json.ticket.priority);
    const history = await app.request('GET', `/tickets/${ticket.key}/history`, { token: agent });
    expect(history.json.items.filter((event: { action: string }) => event.action === 'updated')).toHaveLength(1);
  });

  it('applies concurrent PATCHes without If-Match one after the other, losing none', async () => {
    const ticket = await create(agent);
    const results = await Promise.all([
      app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { tags: ['a'] } }),
      app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { priority: 'P2' } }),
      app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { subject: 'Laptop black screen' } }),
    ]);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
    const stored = (await app.request('GET', `/tickets/${ticket.key}`, { token: agent })).json.ticket;
    expect(stored).toMatchObject({ tags: ['a'], priority: 'P2', subject: 'Laptop black screen', version: 4 });
  });

  it('refuses a transition the workflow does not allow, naming the status', async () => {
    const ticket = await create(agent);
    await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'closed' } });
    const response = await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'open' } });
    expect(response.status).toBe(400);
    expect(response.json.error.details).toEqual([{ path: 'status', message: 'a closed ticket is final' }]);
  });

  it('refuses an assignee who does not work the desk', async () => {
    const ticket = await create(agent);
    const response = await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { assignee: 'hana.hr@example.com' } });
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].path).toBe('assignee');
  });

  it('moves a ticket to another desk at its first level and drops an assignee who does not work there', async () => {
    const ticket = await create(agent);
    await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { assignee: 'bob.agent@example.com', level: 'l2' } });
    const moved = await app.request('PATCH', `/tickets/${ticket.key}`, { token: manager, body: { desk: 'facilities' } });
    expect(moved.json.ticket).toMatchObject({ desk: 'facilities', level: 'l1' });
    expect(moved.json.ticket.assignee).toBeUndefined();
  });

  it('does not let a requester change fields', async () => {
    const ticket = await create(agent);
    expect((await app.request('PATCH', `/tickets/${ticket.key}`, { token: rita, body: { priority: 'P1' } })).status).toBe(403);
    expect((await app.request('PATCH', `/tickets/${ticket.key}`, { token: mallory, body: { priority: 'P1' } })).status).toBe(404);
  });
});

describe('comments', () => {
  it('counts the first public agent reply as the first response and opens the ticket', async () => {
    const ticket = await create(agent);
    const note = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'Looking into it', public: false } });
    expect(note.status).toBe(201);
    expect(note.json.ticket.firstResponseAt).toBeUndefined();
    const reply = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'We are on it.' } });
    expect(reply.status).toBe(201);
    expect(reply.json.ticket).toMatchObject({ status: 'open', firstResponseAt: reply.json.comment.createdAt });
    expect(reply.json.comment).toMatchObject({ public: true, author: { email: 'alice.agent@example.com', role: 'agent' } });
  });

  it('reopens a ticket that waited on the requester when the requester replies', async () => {
    const ticket = await create(agent);
    await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'pending' } });
    const reply = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: rita, body: { body: 'It still fails.' } });
    expect(reply.status).toBe(201);
    expect(reply.json.ticket.status).toBe('open');
  });

  it("does not let a requester write an internal note or comment on someone else's ticket", async () => {
    const ticket = await create(agent);
    const internal = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: rita, body: { body: 'psst', public: false } });
    expect(internal.status).toBe(403);
    const foreign = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: mallory, body: { body: 'hello' } });
    expect(foreign.status).toBe(404);
    const view = await app.request('GET', `/tickets/${ticket.key}`, { token: agent });
    expect(view.json.comments).toEqual([]);
  });

  it('sanitises HTML: scripts, handlers and javascript: links do not survive', async () => {
    const ticket = await create(agent);
    const html = '<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:alert(2)">x</a><img src="https://tracker.example/p.gif"><b>bold</b></p>';
    const reply = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'Hi', html } });
    expect(reply.json.comment.html).toBe('<p>Hi <a rel="noopener noreferrer nofollow">x</a><b>bold</b></p>');
  });

  it('stores and shows nothing active of any cheat-sheet payload, to staff or to the requester', async () => {
    const findings: Record<string, string[]> = {};
    const check = (payload: string, html: string | undefined, where: string) => {
      const found = activeContentIn(html ?? '');
      if (found.length) findings[`${where}: ${payload}`] = found;
    };
    // A few tickets side by side, each taking its payloads in order, to keep the run short.
    const batches = Array.from({ length: 6 }, (_, batch) => XSS_PAYLOADS.filter((_payload, index) => index % 6 === batch));
    await Promise.all(
      batches.map(async (payloads) => {
        const ticket = await create(agent);
        for (const payload of payloads) {
          const reply = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'See the formatted text', html: `<p>Hi</p>${payload}` } });
          expect(reply.status, reply.text).toBe(201);
          check(payload, reply.json.comment.html, 'as answered');
        }
        for (const [reader, token] of [
          ['to staff', agent],
          ['to the requester', rita],
        ] as const) {
          const { comments } = (await app.request('GET', `/tickets/${ticket.key}`, { token })).json;
          expect(comments).toHaveLength(payloads.length);
          comments.forEach((comment: { html?: string }, index: number) => check(payloads[index]!, comment.html, reader));
        }
      }),
    );
    expect(findings).toEqual({});
  });

  it('keeps every comment of concurrent writers', async () => {
    const ticket = await create(agent);
    const results = await Promise.all(Array.from({ length: 5 }, (_, index) => app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: `note ${index}`, public: false } })));
    expect(results.map((result) => result.status)).toEqual(Array(5).fill(201));
    const view = await app.request('GET', `/tickets/${ticket.key}`, { token: agent });
    expect(view.json.comments).toHaveLength(5);
    expect(view.json.ticket.version).toBe(6);
  });

  it('adds a comment once per Idempotency-Key: a retry gets the first comment back (200), even after the ticket closed', async () => {
    const ticket = await create(agent);
    const headers = { 'idempotency-key': `comment-${Date.now()}` };
    const first = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: rita, body: { body: 'It still fails.' }, headers });
    expect(first.status, first.text).toBe(201);
    const retry = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: rita, body: { body: 'It still fails.' }, headers });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.json.comment).toEqual(first.json.comment);
    expect(retry.headers.etag).toBe(`"${first.json.ticket.version}"`);

    // The key belongs to its caller and its ticket: the agent's same key, or rita's on another ticket, is a new comment.
    expect((await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'Noted.' }, headers })).status).toBe(201);
    const other = await create(agent);
    expect((await app.request('POST', `/tickets/${other.key}/comments`, { token: rita, body: { body: 'Me too.' }, headers })).status).toBe(201);

    await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'closed' } });
    const late = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: rita, body: { body: 'It still fails.' }, headers });
    expect(late.status, late.text).toBe(200);
    expect(late.json.comment.id).toBe(first.json.comment.id);
    expect(late.json.ticket.status).toBe('closed');

    const view = await app.request('GET', `/tickets/${ticket.key}`, { token: agent });
    expect(view.json.comments.map((comment: { body: string }) => comment.body)).toEqual(['It still fails.', 'Noted.']);
    const history = await app.request('GET', `/tickets/${ticket.key}/history`, { token: agent });
    expect(history.json.items.filter((event: { action: string }) => event.action === 'commented')).toHaveLength(2);
  });

  it('adds one comment when the same request arrives five times at once', async () => {
    const ticket = await create(agent);
    const headers = { 'idempotency-key': `burst-${Date.now()}` };
    const results = await Promise.all(Array.from({ length: 5 }, () => app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'On my way', public: false }, headers })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((result) => result.json.comment.id)).size).toBe(1);
    const view = await app.request('GET', `/tickets/${ticket.key}`, { token: agent });
    expect(view.json.comments).toHaveLength(1);
    expect(view.json.ticket.version).toBe(2);
  });

  it('takes no comment on a closed ticket (409)', async () => {
    const ticket = await create(agent);
    await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'closed' } });
    const reply = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: rita, body: { body: 'one more thing' } });
    expect(reply.status).toBe(409);
  });
});

describe('history', () => {
  it('is for staff: the requester who owns the ticket gets 403, others 404', async () => {
    const ticket = await create(agent);
    expect((await app.request('GET', `/tickets/${ticket.key}/history`, { token: rita })).status).toBe(403);
    expect((await app.request('GET', `/tickets/${ticket.key}/history`, { token: mallory })).status).toBe(404);
  });

  it('pages through the events with a cursor', async () => {
    const ticket = await create(agent);
    // created, routed, assigned, then three updates
    for (const priority of ['P1', 'P2', 'P4'] as const) await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { priority } });
    const first = await app.request('GET', `/tickets/${ticket.key}/history?limit=5`, { token: agent });
    expect(first.json.items).toHaveLength(5);
    const second = await app.request('GET', `/tickets/${ticket.key}/history?limit=5&cursor=${first.json.nextCursor}`, { token: agent });
    expect(second.json.items.map((event: { changes: { to: unknown }[] }) => event.changes[0]?.to)).toEqual(['P4']);
  });
});
