import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '../../servicedesk.config.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client.ts';
import { DynamoDbTicketStore } from '../../shared/adapters/dynamodb/dynamodb-ticket-store.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { DynamoDbAssignmentStore } from '../../shared/adapters/dynamodb/dynamodb-assignment-store.ts';
import { handleSlaTimer } from '../../shared/use-cases/handle-sla-timer.ts';
import { SlaTrackingTicketStore } from '../../shared/use-cases/sla-tracking-ticket-store.ts';
import { systemClockAndIds } from '../../shared/use-cases/ticket-deps.ts';
import { startTestApp, type TestApp } from './harness.ts';

// The shipped demo policy with seconds instead of minutes, so the timers fire while the test waits.
const config = structuredClone(rawConfig) as typeof rawConfig & { slaPolicies: { id: string; targets: Record<string, string> }[] };
config.slaPolicies[0] = {
  ...config.slaPolicies[0]!,
  targets: { firstResponse: 'PT4S', resolution: 'PT30S' },
} as (typeof config.slaPolicies)[0];

let app: TestApp;
let agent: string;
let admin: string;
let rita: string;

type Clock = { metric: string; state: string; deadline?: string; firedThresholds: number[]; breachedAt?: string; metAt?: string; due?: unknown };
type Ticket = { key: string; priority: string; sla?: { version: number; clocks: Clock[] } };

const clock = (ticket: Ticket, metric: string) => ticket.sla!.clocks.find((candidate) => candidate.metric === metric)!;

async function read(key: string): Promise<Ticket> {
  return (await app.request('GET', `/tickets/${key}`, { token: agent })).json.ticket;
}

async function slaEvents(key: string): Promise<{ detail: string }[]> {
  const history = await app.request('GET', `/tickets/${key}/history`, { token: agent });
  return history.json.items.filter((event: { action: string }) => event.action === 'sla');
}

/** Bounded polling: the condition, or a failure after `ms`. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  app = await startTestApp({ config, sideEffects: true });
  agent = await app.token({ role: 'agent' });
  admin = await app.token({ role: 'admin' });
  rita = await app.token({ email: 'rita@example.org' });
});

afterAll(() => app?.close());

const demo = (subject: string) => ({ catalogItem: 'it-sla-demo', subject });

describe('SLA clocks on the ticket', () => {
  it('starts each target of the matching policy with its deadline and due thresholds', async () => {
    const created = await app.request('POST', '/tickets', { token: rita, body: demo('Clock starts') });
    const ticket: Ticket = created.json.ticket;
    expect(ticket.sla).toMatchObject({ version: 1 });
    const firstResponse = clock(ticket, 'first_response');
    expect(firstResponse).toMatchObject({ state: 'running', targetMinutes: 4 / 60, firedThresholds: [] });
    expect(Date.parse(firstResponse.deadline!) - Date.parse(created.json.ticket.createdAt)).toBe(4000);
  });

  it('pauses while waiting on the requester and records the paused time', async () => {
    const ticket: Ticket = (await app.request('POST', '/tickets', { token: rita, body: demo('Pause me') })).json.ticket;
    const paused: Ticket = (await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'pending' } })).json.ticket;
    expect(clock(paused, 'resolution')).toMatchObject({ state: 'paused' });
    expect(clock(paused, 'resolution').deadline).toBeUndefined();
    expect(paused.sla!.version).toBeGreaterThan(ticket.sla!.version);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const resumed: Ticket = (await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'open' } })).json.ticket;
    const resolution = clock(resumed, 'resolution') as Clock & { pausedMinutes: number };
    expect(resolution.state).toBe('running');
    expect(resolution.pausedMinutes * 60_000).toBeGreaterThanOrEqual(300);
  });
});

describe('SLA timers', () => {
  it('warns at 75% and breaches at the deadline, taking the actions and recording both', async () => {
    const ticket: Ticket = (await app.request('POST', '/tickets', { token: rita, body: demo('Nobody answers') })).json.ticket;
    const breached = await eventually(async () => {
      const current = await read(ticket.key);
      return clock(current, 'first_response').breachedAt ? current : undefined;
    }, 15_000);
    expect(clock(breached, 'first_response')).toMatchObject({ state: 'breached', firedThresholds: [75, 100] });
    expect(breached.priority).toBe('P1'); // the breach action
    const events = await slaEvents(ticket.key);
    expect(events.map((event) => event.detail)).toEqual([
      expect.stringMatching(/^First response at 75% of its target; notify assignee/),
      expect.stringMatching(/^First response breached; notify desk managers .*priority P3 -> P1/),
    ]);
    const listed = await app.request('GET', '/tickets?desk=it&sla=breached', { token: agent });
    expect(listed.json.items.map((item: Ticket) => item.key)).toContain(ticket.key);
    // The breach's notify action reaches the desk managers by mail.
    const notice = await eventually(async () => {
      const dir = app.sideEffects!.outboxDir;
      const sent = readdirSync(dir)
        .filter((file) => file.endsWith('.eml'))
        .map((file) => readFileSync(join(dir, file), 'utf8'));
      return sent.find((raw) => raw.includes(`[${ticket.key}]`) && raw.includes('first response target breached'));
    }, 10_000);
    expect(notice).toContain('maria.manager@example.com');
  });

  it('cancels the timers when the first response comes in time', async () => {
    const ticket: Ticket = (await app.request('POST', '/tickets', { token: rita, body: demo('Answered quickly') })).json.ticket;
    const reply = await app.request('POST', `/tickets/${ticket.key}/comments`, { token: agent, body: { body: 'On it.' } });
    expect(reply.status).toBe(201);
    expect(clock(reply.json.ticket, 'first_response')).toMatchObject({ state: 'met' });
    await app.sideEffects!.stream.drain();
    const names = app.sideEffects!.timers.pending().map((timer) => timer.name);
    expect(names.filter((name) => name.includes(`.${ticket.key}.fr.`))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(await slaEvents(ticket.key)).toEqual([]);
  });

  it('escalates on a breach whose policy says so, in the same write as the breach', async () => {
    const ticket: Ticket & { desk: string; level: string; assignee?: string } = (
      await app.request('POST', '/tickets', { token: rita, body: { catalogItem: 'facilities-repair', subject: 'Leaking tap', customFields: { room: 'K1' } } })
    ).json.ticket;
    expect(ticket).toMatchObject({ desk: 'facilities', level: 'l1' });
    const store = new SlaTrackingTicketStore(new DynamoDbTicketStore(createDocumentClient(app.endpoint), app.tableName), serviceDeskConfig());
    const deps = { store, config: serviceDeskConfig(), ...systemClockAndIds(), assignments: new DynamoDbAssignmentStore(createDocumentClient(app.endpoint), app.tableName) };
    expect(await handleSlaTimer(deps, { ticketKey: ticket.key, metric: 'first_response', threshold: 100, slaVersion: ticket.sla!.version })).toBe('applied');
    const escalated = (await app.request('GET', `/tickets/${ticket.key}`, { token: admin })).json.ticket;
    expect(escalated).toMatchObject({ desk: 'facilities', level: 'l2' });
    expect(escalated.assignee).toBeUndefined(); // l2 assigns manually
    const events = await app.request('GET', `/tickets/${ticket.key}/history`, { token: admin });
    const breach = events.json.items.find((event: { action: string }) => event.action === 'sla');
    expect(breach.detail).toContain('escalate to facilities/l2');
    expect(breach.changes).toEqual(
      expect.arrayContaining([
        { field: 'level', from: 'l1', to: 'l2' },
        { field: 'assignee', from: ticket.assignee, to: null },
      ]),
    );
  });

  it('ignores a firing computed for an older SLA version, and a repeated one', async () => {
    const ticket: Ticket = (await app.request('POST', '/tickets', { token: rita, body: demo('Stale firing') })).json.ticket;
    const paused: Ticket = (await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'on_hold' } })).json.ticket;
    const store = new SlaTrackingTicketStore(new DynamoDbTicketStore(createDocumentClient(app.endpoint), app.tableName), serviceDeskConfig());
    const deps = { store, config: serviceDeskConfig(), ...systemClockAndIds(), assignments: new DynamoDbAssignmentStore(createDocumentClient(app.endpoint), app.tableName) };
    const firing = { ticketKey: ticket.key, metric: 'resolution' as const, threshold: 100 };
    expect(await handleSlaTimer(deps, { ...firing, slaVersion: ticket.sla!.version })).toBe('stale');
    await app.request('PATCH', `/tickets/${ticket.key}`, { token: agent, body: { status: 'open' } });
    const current = await read(ticket.key);
    expect(await handleSlaTimer(deps, { ...firing, threshold: 75, slaVersion: current.sla!.version })).toBe('applied');
    expect(await handleSlaTimer(deps, { ...firing, threshold: 75, slaVersion: (await read(ticket.key)).sla!.version })).toBe('duplicate');
    expect((await slaEvents(ticket.key)).filter((event) => event.detail.startsWith('Resolution'))).toHaveLength(1);
    expect(paused.sla!.version).toBeGreaterThan(ticket.sla!.version);
  });
});
