import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, configure, render, screen, within } from '@testing-library/react';
import { I18nProvider } from 'react-aria';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation, useParams } from 'react-router';
import { screenRoutes } from '../../test/screen-routes';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import type { components } from '../../lib/api/schema';
import { bulkBody, bulkResult } from './api/bulk-update';
import { queueCall } from './api/list-queue';
import { queueNames, sidebarOf } from './api/load-queue-sidebar';
import { queueFiltersOf, queueHref, queueIdentity } from './queue-filters';
import { Component as Queue, queueAction, queueLoader } from './routes/queue';
import { searchTarget } from './search-target';
import { apiTicket } from '../../test/api-ticket';

type Ticket = components['schemas']['Ticket'];

afterEach(cleanup);
// Every screen loads its list, the sidebar, the catalog and the desk's team before it shows.
configure({ asyncUtilTimeout: 5000 });

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return apiTicket({
    description: 'Since this morning.',
    createdAt: new Date(Date.now() - 90 * 60_000).toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  });
}

/** Where a row or the search went: the ticket view's stand-in shows the key and the queue it came from. */
function TicketStandIn() {
  const { key } = useParams();
  const { state } = useLocation();
  return <h1>{`Ticket ${key} from ${(state as { queue?: string } | null)?.queue ?? 'nowhere'}`}</h1>;
}

function renderQueue(routes: Record<string, FakeRoute | FakeAnswer>, path: string, locale = 'en-US') {
  const api = fakeApi({ ...surroundings, ...routes });
  const router = createMemoryRouter(
    screenRoutes([
      { path: '/console', Component: Queue, loader: queueLoader(api.source), action: queueAction(api.source, async () => 'alice.agent@example.com') },
      { path: '/console/tickets/:key', Component: TicketStandIn },
    ]),
    { initialEntries: [path] },
  );
  render(
    <I18nProvider locale={locale}>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  // The list's requests only, as they are now.
  return { ...api, router, lists: () => api.requests.filter(isList) };
}

const myQueues: components['schemas']['MyQueues'] = {
  mine: { active: 2, atRisk: 1, breached: 0 },
  desks: [
    {
      id: 'it',
      name: 'IT Service Desk',
      active: 5,
      unassigned: 3,
      atRisk: 1,
      breached: 2,
      levels: [
        { id: 'l1', name: 'Level 1', active: 4, unassigned: 3 },
        { id: 'l2', name: 'Level 2', active: 1, unassigned: 0 },
      ],
    },
  ],
};

/** The answers every queue screen asks for besides its list: the sidebar's counts, the catalog, the IT desk's team. */
const surroundings: Record<string, FakeRoute | FakeAnswer> = {
  'GET /me/queues': { status: 200, body: myQueues },
  'GET /catalog': {
    status: 200,
    body: {
      catalog: [
        {
          id: 'it',
          name: 'IT',
          pinned: false,
          requiresApproval: false,
          type: 'incident',
          form: [],
          children: [
            { id: 'it-hardware-broken', name: 'Broken device', pinned: true, requiresApproval: false, type: 'incident', form: [], children: [] },
            { id: 'it-sla-demo', name: 'SLA demo', pinned: false, requiresApproval: false, type: 'incident', form: [], children: [] },
          ],
        },
      ],
    },
  },
  'GET /desks/it/team': {
    status: 200,
    body: {
      desk: { id: 'it', name: 'IT Service Desk' },
      unassigned: 3,
      levels: [{ id: 'l1', name: 'Level 1', assignment: 'free', members: [{ email: 'dan.agent@example.com', name: 'Dan Agent', role: 'agent', available: true, openTickets: 1, atRisk: 0, breached: 0 }] }],
    },
  },
};

const isList = (request: { path: string }) => request.path === '/tickets' || /^\/desks\/[^/]+\/queue$/.test(request.path);

const page = (items: Ticket[], nextCursor?: string): FakeAnswer => ({ status: 200, body: { items, ...(nextCursor ? { nextCursor } : {}) } });

describe('the queue filters', () => {
  it('read a queue from its link and write it back in one order, without the page', () => {
    const filters = queueFiltersOf(new URLSearchParams('status=open&level=l1&desk=it&cursor=abc&sla='));
    expect(filters).toEqual({ desk: 'it', level: 'l1', status: 'open' });
    expect(queueHref(filters)).toBe('/console?desk=it&level=l1&status=open');
    expect(queueHref(filters, 'next')).toBe('/console?desk=it&level=l1&status=open&cursor=next');
    expect(queueHref({})).toBe('/console');
  });

  it('name the same queue whatever its narrowing filters, and tell its SLA and unassigned views apart', () => {
    expect(queueIdentity({ desk: 'it', status: 'open' })).toBe(queueIdentity({ desk: 'it', priority: 'P1', order: 'due' }));
    expect(queueIdentity({ desk: 'it' })).not.toBe(queueIdentity({ desk: 'it', sla: 'breached' }));
    expect(queueIdentity({ desk: 'it' })).not.toBe(queueIdentity({ desk: 'it', assignee: 'none' }));
    expect(queueIdentity({})).toBe(queueIdentity({ assignee: 'me' }));
    expect(queueIdentity({ desk: 'it' })).not.toBe(queueIdentity({ desk: 'it', level: 'l1' }));
  });

  it('list the person’s own work when nothing is named, and every filter of a named desk through the desk’s queue', () => {
    expect(queueCall({})).toEqual({ route: 'tickets', query: { assignee: 'me' }, ignored: [] });
    expect(queueCall({ order: 'due', priority: 'P1,P2', channel: 'email', catalogItem: 'it-sla-demo', sla: 'at_risk' })).toEqual({
      route: 'tickets',
      query: { assignee: 'me', order: 'due', priority: 'P1,P2', channel: 'email', catalogItem: 'it-sla-demo', sla: 'at_risk' },
      ignored: [],
    });
    expect(queueCall({ desk: 'it', sla: 'at_risk', status: 'all' })).toEqual({ route: 'desk', desk: 'it', query: { status: 'all', sla: 'at_risk' }, ignored: [] });
    expect(queueCall({ desk: 'it', level: 'l1', status: 'new', sla: 'breached', assignee: 'none', priority: 'P1', channel: 'api', catalogItem: 'it-hardware-broken', order: 'due' })).toEqual({
      route: 'desk',
      desk: 'it',
      query: { level: 'l1', assignee: 'none', status: 'new', sla: 'breached', priority: 'P1', channel: 'api', catalogItem: 'it-hardware-broken', order: 'due' },
      ignored: [],
    });
    expect(queueCall({ desk: 'it', assignee: 'dan.agent@example.com' })).toEqual({ route: 'desk', desk: 'it', query: { assignee: 'dan.agent@example.com' }, ignored: [] });
    expect(queueCall({ requester: 'rita@example.org', status: 'all' })).toEqual({ route: 'tickets', query: { requester: 'rita@example.org', status: 'all' }, ignored: [] });
    expect(queueCall({ assignee: 'dan.agent@example.com', priority: 'P2' })).toEqual({ route: 'tickets', query: { assignee: 'dan.agent@example.com', priority: 'P2' }, ignored: [] });
  });

  it('say which filters a call cannot apply: a level or "unassigned" without a desk', () => {
    expect(queueCall({ level: 'l1', assignee: 'none' })).toEqual({ route: 'tickets', query: { assignee: 'me' }, ignored: ['level', 'assignee'] });
    expect(queueCall({ requester: 'rita@example.org', desk: 'it', level: 'l1' })).toEqual({ route: 'tickets', query: { desk: 'it', requester: 'rita@example.org' }, ignored: ['level'] });
  });

  it('pass a value the API may refuse on to it unchanged, so its 400 can name it', () => {
    expect(queueCall({ desk: 'it', sla: 'soon' }).query).toEqual({ sla: 'soon' });
  });
});

describe('the sidebar', () => {
  it('maps GET /me/queues to links with the API’s counts, and names desks and levels', () => {
    const sidebar = sidebarOf(myQueues);
    expect(sidebar.myWork).toEqual({ filters: {}, count: 2 });
    expect(sidebar.myAtRisk).toEqual({ filters: { sla: 'at_risk' }, count: 1 });
    expect(sidebar.myBreached).toEqual({ filters: { sla: 'breached' }, count: 0 });
    expect(sidebar.desks).toEqual([
      {
        id: 'it',
        name: 'IT Service Desk',
        queue: { filters: { desk: 'it' }, count: 5 },
        unassigned: { filters: { desk: 'it', assignee: 'none' }, count: 3 },
        atRisk: { filters: { desk: 'it', sla: 'at_risk' }, count: 1 },
        breached: { filters: { desk: 'it', sla: 'breached' }, count: 2 },
        levels: [
          { id: 'l1', name: 'Level 1', queue: { filters: { desk: 'it', level: 'l1' }, count: 4 }, unassigned: { filters: { desk: 'it', level: 'l1', assignee: 'none' }, count: 3 } },
          { id: 'l2', name: 'Level 2', queue: { filters: { desk: 'it', level: 'l2' }, count: 1 }, unassigned: { filters: { desk: 'it', level: 'l2', assignee: 'none' }, count: 0 } },
        ],
      },
    ]);
    expect(queueNames(sidebar, { desk: 'it', level: 'l2' })).toEqual({ desk: 'IT Service Desk', level: 'Level 2' });
    expect(queueNames(sidebar, { desk: 'hr' })).toEqual({});
  });
});

describe('a bulk change', () => {
  const targets = [
    { key: 'SD-1', version: 3, tags: ['vpn'] },
    { key: 'SD-2', version: 5, tags: [] },
    { key: 'SD-3', version: 1, tags: [] },
    { key: 'SD-4', version: 2, tags: [] },
  ];

  it('adds tags to each ticket’s own, once each', () => {
    expect(bulkBody({ kind: 'tags', tags: ['vpn', 'remote'] }, targets[0]!)).toEqual({ tags: ['vpn', 'remote'] });
    expect(bulkBody({ kind: 'priority', priority: 'P1' }, targets[1]!)).toEqual({ priority: 'P1' });
  });

  it('says which tickets changed and which did not, and why', () => {
    const refused = (status: number, message: string) => ({ ok: false as const, failure: { kind: 'refused' as const, status, code: 'x', message, details: [] } });
    expect(bulkResult(targets, [{ ok: true, data: {}, response: new Response() }, refused(412, 'Version mismatch'), { ok: false, failure: { kind: 'network' } }, refused(409, 'Ticket is closed')])).toEqual({
      changed: ['SD-1'],
      failed: [
        { key: 'SD-2', reason: 'stale' },
        { key: 'SD-3', reason: 'network' },
        { key: 'SD-4', reason: 'refused', message: 'Ticket is closed' },
      ],
    });
  });

  it('sends one PATCH per selected ticket with If-Match of its page version, and lists what failed', async () => {
    const { requests } = renderQueue(
      {
        'GET /desks/it/queue': page([ticket({ key: 'SD-7', subject: 'VPN drops', version: 4 }), ticket({ key: 'SD-3', subject: 'Mouse broken', version: 9 })]),
        'PATCH /tickets/SD-7': { status: 200, body: { ticket: ticket({ key: 'SD-7', priority: 'P1' }) } },
        'PATCH /tickets/SD-3': { status: 412, body: { error: { code: 'precondition_failed', message: 'The ticket changed', details: [] } } },
      },
      '/console?desk=it',
    );
    const table = await screen.findByRole('table', { name: 'IT Service Desk' });
    for (const row of within(table).getAllByRole('row').slice(1)) await userEvent.click(within(row).getByRole('checkbox'));
    const toolbar = await screen.findByRole('toolbar', { name: 'Change the 2 selected tickets' });
    await userEvent.click(within(toolbar).getByRole('button', { name: /New priority/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'P2' }));
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Set priority' }));
    await screen.findByText('Changed 1 ticket: SD-7.');
    expect(screen.getByText(/SD-3: it changed since the list loaded; nothing was overwritten/)).toBeTruthy();
    const patches = requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.path, request.headers.get('if-match'), request.body])).toEqual([
      ['/tickets/SD-7', '"4"', { priority: 'P2' }],
      ['/tickets/SD-3', '"9"', { priority: 'P2' }],
    ]);
    expect(screen.queryByRole('toolbar')).toBeNull();
  });
});

describe('the search', () => {
  it('takes a ticket key in any case, an email, or neither', () => {
    expect(searchTarget(' sd-42 ')).toEqual({ kind: 'ticket', key: 'SD-42' });
    expect(searchTarget('rita@example.org')).toEqual({ kind: 'requester', email: 'rita@example.org' });
    expect(searchTarget('printer')).toEqual({ kind: 'unknown' });
    expect(searchTarget('SD-0')).toEqual({ kind: 'unknown' });
  });
});

describe('the queue screen', () => {
  it('shows the person’s own work by default as a table whose rows open the ticket', async () => {
    const { lists } = renderQueue(
      {
        'GET /tickets': page([
          ticket({ key: 'SD-7', subject: 'VPN drops', priority: 'P1', assignee: 'alice.agent@example.com', status: 'open', requester: { email: 'vera@example.org', name: 'Vera VIP', vip: true } }),
          ticket({ key: 'SD-3', subject: 'Mouse broken' }),
        ]),
      },
      '/console',
    );
    const table = await screen.findByRole('table', { name: 'My work' });
    expect(lists()[0]!.path).toBe('/tickets');
    expect(lists()[0]!.search.get('assignee')).toBe('me');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['', 'Key', 'Subject', 'Requester', 'Status', 'Priority', 'Assignee', 'Age', 'SLA']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!).getAllByRole('cell').concat(within(rows[0]!).getAllByRole('rowheader'));
    const text = rows[0]!.textContent ?? '';
    expect(first.length).toBe(9);
    expect(text).toContain('SD-7');
    expect(text).toContain('VPN drops');
    expect(text).toContain('Vera VIP');
    expect(text).toContain('VIP');
    expect(text).toContain('Open');
    expect(text).toContain('P1');
    expect(text).toContain('alice.agent@example.com');
    expect(text).toContain('No SLA');
    expect(rows[1]!.textContent).toContain('Unassigned');
    expect(rows[1]!.textContent).toContain('1 hr 30 min');
    expect(within(rows[0]!).getByRole('link', { name: 'VPN drops' }).getAttribute('href')).toBe('/console/tickets/SD-7');
    expect(within(rows[0]!).getByRole('checkbox', { name: 'Select SD-7' })).toBeTruthy();

    const sidebar = screen.getByRole('navigation', { name: 'Queues' });
    expect(within(sidebar).getByRole('link', { name: 'My work, 2 tickets' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('search', { name: 'Find tickets' })).toBeTruthy();

    // The keyboard: a row's link takes the focus, the arrow moves to the next ticket's, Enter opens it.
    act(() => within(rows[0]!).getByRole('link').focus());
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('heading', { name: 'Ticket SD-3 from /console' })).toBeTruthy();
  });

  it('lists one level of a desk through the desk’s queue, named as the sidebar names it, with the counts in the links’ names', async () => {
    const { lists } = renderQueue({ 'GET /desks/it/queue': page([ticket()]) }, '/console?desk=it&level=l1');
    await screen.findByRole('table', { name: 'IT Service Desk, Level 1' });
    expect(lists()[0]!.search.get('level')).toBe('l1');
    expect(lists()[0]!.search.has('status')).toBe(false);
    const sidebar = screen.getByRole('navigation', { name: 'Queues' });
    expect(within(sidebar).getByRole('link', { name: 'My work, 2 tickets' }).hasAttribute('aria-current')).toBe(false);
    expect(within(sidebar).getByRole('link', { name: 'IT Service Desk, 5 tickets' }).getAttribute('href')).toBe('/console?desk=it');
    expect(within(sidebar).getByRole('link', { name: 'Level 1, 4 tickets' }).getAttribute('aria-current')).toBe('page');
    const unassigned = within(sidebar)
      .getAllByRole('link', { name: 'Unassigned, 3 tickets' })
      .map((link) => link.getAttribute('href'));
    expect(unassigned).toEqual(['/console?desk=it&assignee=none', '/console?desk=it&level=l1&assignee=none']);
    expect(within(sidebar).getByRole('link', { name: 'Breached, 2 tickets' }).getAttribute('href')).toBe('/console?desk=it&sla=breached');
    expect(
      within(sidebar)
        .getAllByRole('link', { name: 'At risk, 1 ticket' })
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/console?sla=at_risk', '/console?desk=it&sla=at_risk']);
    // A level's queue now takes the SLA filter, and the desk's agents are offered as assignees.
    expect((screen.getByRole('button', { name: /SLA/ }) as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: /Assignee/ }));
    expect((await screen.findByRole('option', { name: 'Dan Agent' })).textContent).toBe('Dan Agent');
  });

  it('filters by priority (several), channel, catalog item and order through the link, and shows a refused value next to its control', async () => {
    const { lists, router } = renderQueue(
      {
        'GET /desks/it/queue': (request) =>
          request.search.get('order') === 'due' && request.search.get('status') === 'all'
            ? { status: 400, body: { error: { code: 'invalid_request', message: 'Invalid query', details: [{ path: 'order', message: 'order=due lists active statuses only' }] } } }
            : page([ticket({ subject: `Listed for ${request.search.toString()}` })]),
      },
      '/console?desk=it',
    );
    await screen.findByRole('table', { name: 'IT Service Desk' });
    const bar = () => within(screen.getByRole('group', { name: 'Filters' }));
    await userEvent.click(bar().getByRole('button', { name: /Priority$/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'P2' }));
    await screen.findByText(/Listed for priority=P2&/);
    await userEvent.keyboard('{Escape}');
    await userEvent.click(bar().getByRole('button', { name: /Priority$/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'P1' }));
    await screen.findByText(/Listed for priority=P1%2CP2&/);
    expect(router.state.location.search).toBe('?desk=it&priority=P1%2CP2');
    await userEvent.keyboard('{Escape}');

    const catalog = screen.getByRole('combobox', { name: 'Catalog item' });
    await userEvent.type(catalog, 'Broken');
    await userEvent.click(await screen.findByRole('option', { name: 'IT › Broken device' }));
    await screen.findByText(/catalogItem=it-hardware-broken/);
    expect(lists().at(-1)!.search.get('catalogItem')).toBe('it-hardware-broken');

    await act(() => router.navigate('/console?desk=it&status=all&order=due'));
    const order = await screen.findByText('Not accepted: order=due lists active statuses only');
    // eslint-disable-next-line testing-library/no-node-access -- it checks that the refusal stands in the order field's own box
    expect(bar().getByRole('button', { name: /Order/ }).closest('.field')!.contains(order)).toBe(true);
    expect(screen.getByText('The nearest SLA deadline lists active tickets only.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('did not accept the filters');
  });

  it('filters by status through the link, keeping the queue', async () => {
    const { lists, router } = renderQueue(
      { 'GET /desks/it/queue': (request) => page(request.search.get('status') === 'open' ? [ticket({ key: 'SD-9', subject: 'Opened one', status: 'open' })] : [ticket()]) },
      '/console?desk=it&level=l1',
    );
    await screen.findByRole('table', { name: 'IT Service Desk, Level 1' });
    await userEvent.click(screen.getByRole('button', { name: /Status/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Open' }));
    await screen.findByText('Opened one');
    expect(router.state.location.search).toBe('?desk=it&level=l1&status=open');
    expect(lists().at(-1)!.search.get('status')).toBe('open');
    expect(lists().at(-1)!.search.get('level')).toBe('l1');
  });

  it('shows more of the queue on request', async () => {
    const { lists } = renderQueue(
      { 'GET /desks/it/queue': (request) => (request.search.get('cursor') ? page([ticket({ key: 'SD-2', subject: 'Older one' })]) : page([ticket({ key: 'SD-5', subject: 'Newer one' })], 'next')) },
      '/console?desk=it',
    );
    await screen.findByText('Newer one');
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('Older one');
    expect(lists().at(-1)!.search.get('cursor')).toBe('next');
    expect(lists().at(-1)!.path).toBe('/desks/it/queue');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByText('1 more tickets shown')).toBeTruthy();
  });

  it('offers Try again when the queue could not be loaded, and tries the same filters again', async () => {
    let calls = 0;
    const { lists } = renderQueue({ 'GET /desks/it/queue': () => (++calls === 1 ? 'network' : page([ticket({ subject: 'Back again' })])) }, '/console?desk=it&sla=breached');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The queue could not be loaded');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('Back again');
    expect(lists().map((request) => request.search.toString())).toEqual(['sla=breached&limit=25', 'sla=breached&limit=25']);
  });

  it('says so when the queue is not the person’s to read', async () => {
    renderQueue({ 'GET /desks/hr/queue': { status: 403, body: { error: { code: 'forbidden', message: 'You do not work desk hr', details: [] } } } }, '/console?desk=hr');
    expect((await screen.findByRole('alert')).textContent).toContain('You may not read this queue');
    expect(screen.getByRole('link', { name: 'Show my work' }).getAttribute('href')).toBe('/console');
  });

  it('opens a ticket by its key, lists a requester’s tickets by email, and says what else it takes', async () => {
    const { lists } = renderQueue({ 'GET /tickets': (request) => page(request.search.get('requester') ? [ticket({ subject: 'One of Rita’s' })] : []) }, '/console');
    await screen.findByText('No tickets in this queue.');
    const box = screen.getByRole('searchbox', { name: 'Find a ticket' });

    await userEvent.type(box, 'printer{Enter}');
    expect(await screen.findByText(/Enter a ticket key such as SD-42/)).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(box);
    await userEvent.type(box, 'rita@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByText('One of Rita’s');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tickets of rita@example.org');
    expect(lists().at(-1)!.search.get('requester')).toBe('rita@example.org');
    expect(lists().at(-1)!.search.get('status')).toBe('all');

    await userEvent.clear(box);
    await userEvent.type(box, 'sd-42{Enter}');
    expect(await screen.findByRole('heading', { name: 'Ticket SD-42 from /console?requester=rita%40example.org&status=all' })).toBeTruthy();
  });
});

describe('the queue screen in German', () => {
  it('names its parts, columns and filters in German', async () => {
    renderQueue({ 'GET /tickets': page([ticket({ status: 'pending' })]) }, '/console', 'de-DE');
    const table = await screen.findByRole('table', { name: 'Meine Arbeit' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['', 'Schlüssel', 'Betreff', 'Anfragende Person', 'Status', 'Priorität', 'Bearbeitung', 'Alter', 'SLA']);
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Rückfrage');
    expect(screen.getByRole('navigation', { name: 'Warteschlangen' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Ticket finden' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Aktiv \(nicht gelöst oder geschlossen\) Status/ })).toBeTruthy();
  });
});
