import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { screenRoutes } from '../../test/screen-routes';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import type { Comment, HistoryEvent, Ticket } from './api/ticket-api';
import { Component as TicketView, ErrorBoundary, shouldRevalidate, ticketViewAction, ticketViewLoader } from './routes/ticket-view';
import { apiTicket } from '../../test/api-ticket';

afterEach(cleanup);

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return apiTicket({
    key: 'SD-4',
    description: 'It stays black after the update.',
    requester: { email: 'rita@example.org', name: 'Rita Requester', organisation: 'Finance', vip: true },
    status: 'open',
    priority: 'P2',
    assignee: 'alice.agent@example.com',
    catalogItem: 'it-hardware-broken',
    customFields: { assetTag: 'LT-4711' },
    version: 3,
    sla: {
      policy: 'it-standard',
      version: 1,
      clocks: [
        {
          metric: 'first_response',
          state: 'met',
          targetMinutes: 60,
          startedAt: '2026-12-01T09:00:00.000Z',
          asOf: '2026-12-01T09:20:00.000Z',
          consumedMinutes: 20,
          pausedMinutes: 0,
          firedThresholds: [],
          metAt: '2026-12-01T09:20:00.000Z',
        },
        {
          metric: 'resolution',
          state: 'running',
          targetMinutes: 480,
          startedAt: '2026-12-01T09:00:00.000Z',
          asOf: '2026-12-01T09:20:00.000Z',
          consumedMinutes: 20,
          pausedMinutes: 0,
          firedThresholds: [],
          deadline: '2099-12-01T17:00:00.000Z',
        },
      ],
    },
    ...overrides,
  });
}

const comments: Comment[] = [
  {
    id: 'c1',
    ticketKey: 'SD-4',
    author: { email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent' },
    public: true,
    body: 'A replacement is on its way.',
    attachments: [],
    createdAt: '2026-12-01T09:20:00.000Z',
  },
  {
    id: 'c2',
    ticketKey: 'SD-4',
    author: { email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent' },
    public: false,
    body: 'Warranty expired; charge to Finance.',
    attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', size: 20_480, location: `attachments/${'a'.repeat(32)}/0/invoice.pdf` }],
    createdAt: '2026-12-01T09:25:00.000Z',
  },
];

const history: HistoryEvent[] = [
  { id: 'h1', ticketKey: 'SD-4', at: '2026-12-01T09:00:00.000Z', actor: { id: 'rita@example.org', kind: 'user', name: 'Rita Requester' }, action: 'created', changes: [] },
  { id: 'h2', ticketKey: 'SD-4', at: '2026-12-01T09:00:01.000Z', actor: { id: 'routing', kind: 'system' }, action: 'routed', changes: [{ field: 'desk', from: null, to: 'it' }], detail: 'rule it-hardware' },
  {
    id: 'h3',
    ticketKey: 'SD-4',
    at: '2026-12-01T09:20:00.000Z',
    actor: { id: 'alice.agent@example.com', kind: 'user', name: 'Alice Agent' },
    action: 'updated',
    changes: [
      { field: 'status', from: 'new', to: 'open' },
      { field: 'firstResponseAt', from: null, to: '2026-12-01T09:20:00.000Z' },
    ],
  },
];

const catalog = [
  {
    id: 'it',
    name: 'IT',
    pinned: false,
    type: 'incident',
    requiresApproval: false,
    form: [],
    children: [
      { id: 'it-hardware-broken', name: 'Broken device', pinned: false, type: 'incident', requiresApproval: false, form: [{ id: 'assetTag', label: 'Asset tag', type: 'asset', required: true }], children: [] },
    ],
  },
];

const queuePage: { ok: boolean; items: { key: string }[] } = { ok: true, items: [] };

function renderTicket(routes: Record<string, FakeRoute | FakeAnswer>, path = '/console/tickets/SD-4') {
  const api = fakeApi({
    'GET /catalog': { status: 200, body: { catalog } },
    'GET /tickets/SD-4': { status: 200, body: { ticket: ticket(), comments } },
    'GET /tickets/SD-4/history': { status: 200, body: { items: history } },
    'GET /tickets': { status: 200, body: { items: [ticket({ key: 'SD-9', subject: 'New badge', status: 'closed' }), ticket()] } },
    ...routes,
  });
  const router = createMemoryRouter(
    screenRoutes([
      { path: '/console', element: <h1>Queue</h1>, loader: () => queuePage },
      { path: '/console/tickets/:key', Component: TicketView, ErrorBoundary, loader: ticketViewLoader(api.source), action: ticketViewAction(api.source), shouldRevalidate },
    ]),
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return { ...api, router };
}

describe('the console’s ticket view', () => {
  it('shows the ticket’s facts, its form values under their labels, and links to its desk’s and level’s queues', async () => {
    renderTicket({});
    const heading = await screen.findByRole('heading', { level: 1, name: 'SD-4: Laptop screen stays black' });
    // eslint-disable-next-line testing-library/no-node-access -- the facts are the description list of the ticket's header, each value the element after its term
    const facts = heading.closest('header')!.querySelector('dl')!;
    const fact = (name: string) => within(facts).getByText(name).nextElementSibling?.textContent;
    expect(fact('Status')).toBe('Open');
    expect(fact('Priority')).toBe('P2');
    expect(fact('Type')).toBe('Incident');
    expect(fact('Assignee')).toBe('alice.agent@example.com');
    expect(fact('Channel')).toBe('Portal or API');
    expect(fact('Catalog item')).toBe('Broken device');
    expect(screen.getByRole('link', { name: 'Queue of desk it' }).getAttribute('href')).toBe('/console?desk=it');
    expect(screen.getByRole('link', { name: 'Queue of desk it, level l1' }).getAttribute('href')).toBe('/console?desk=it&level=l1');
    expect(screen.getByRole('heading', { name: 'Form values' })).toBeTruthy();
    expect(screen.getByText('Asset tag').nextElementSibling?.textContent).toBe('LT-4711');
    expect(screen.getByText('It stays black after the update.')).toBeTruthy();
  });

  it('tells internal notes from public replies by their label, and offers their files', async () => {
    renderTicket({});
    const conversation = await screen.findByRole('region', { name: 'Conversation' });
    const [reply, note] = within(conversation).getAllByRole('article');
    expect(reply!.getAttribute('aria-labelledby')).toBeTruthy();
    expect(within(reply!).getByRole('heading', { level: 3 }).textContent).toBe('Public reply Alice Agent (agent)');
    expect(within(note!).getByRole('heading', { level: 3 }).textContent).toBe('Internal note Alice Agent (agent)');
    // eslint-disable-next-line testing-library/no-node-access -- the entry's visibility is the style hook this checks
    expect(note!.closest('li')!.getAttribute('data-visibility')).toBe('internal');
    expect(within(note!).getByText('Warranty expired; charge to Finance.')).toBeTruthy();
    expect(within(note!).getByRole('button', { name: 'Download invoice.pdf' })).toBeTruthy();
  });

  it('asks for a file’s link as JSON when its download is pressed', async () => {
    const assigned: string[] = [];
    const original = window.location.assign;
    Object.defineProperty(window.location, 'assign', { configurable: true, value: (url: string) => assigned.push(url) });
    const { requests } = renderTicket({
      'GET /tickets/SD-4/attachments': { status: 200, body: { url: 'https://files.test/invoice.pdf', name: 'invoice.pdf', expiresInSeconds: 300 } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Download invoice.pdf' }));
    await waitFor(() => expect(assigned).toEqual(['https://files.test/invoice.pdf']));
    const link = requests.find((request) => request.path === '/tickets/SD-4/attachments')!;
    expect(link.headers.get('accept')).toBe('application/json');
    expect(link.search.get('location')).toBe(`attachments/${'a'.repeat(32)}/0/invoice.pdf`);
    // Fetching a link changes nothing: the ticket is not read again.
    expect(requests.filter((request) => request.path === '/tickets/SD-4')).toHaveLength(1);
    Object.defineProperty(window.location, 'assign', { configurable: true, value: original });
  });

  it('shows the requester with their other tickets, this one marked', async () => {
    const { requests } = renderTicket({});
    const panel = await screen.findByRole('region', { name: 'Requester' });
    expect(panel.textContent).toContain('Rita Requester');
    expect(panel.textContent).toContain('VIP');
    expect(panel.textContent).toContain('Finance');
    expect(panel.textContent).toContain('rita@example.org');
    // The list comes after the ticket: it is read once the ticket names its requester, and not waited for.
    const list = await within(panel).findByRole('list', { name: 'Their tickets' });
    expect(within(list).getByRole('link', { name: 'SD-9 New badge' }).getAttribute('href')).toBe('/console/tickets/SD-9');
    expect(within(list).getByRole('link', { name: 'SD-4 Laptop screen stays black' }).getAttribute('aria-current')).toBe('page');
    const listed = requests.find((request) => request.path === '/tickets')!;
    expect(Object.fromEntries(listed.search)).toEqual({ requester: 'rita@example.org', status: 'all', limit: '10' });
  });

  it('shows each SLA clock and the history as a timeline of who changed what', async () => {
    renderTicket({});
    const sla = await screen.findByRole('region', { name: 'SLA' });
    expect(within(sla).getByRole('heading', { name: 'First response' })).toBeTruthy();
    expect(within(sla).getByRole('heading', { name: 'Resolution' })).toBeTruthy();
    expect(sla.textContent).toContain('Met');
    expect(sla.textContent).toContain('8 hr');
    expect(sla.textContent).toContain('left');

    const timeline = screen.getByRole('list', { name: 'History' });
    const items = within(timeline).getAllByRole('listitem');
    // eslint-disable-next-line testing-library/no-node-access -- only the timeline's own entries, not the lists of changes inside them
    const events = items.filter((item) => item.parentElement === timeline);
    expect(events).toHaveLength(3);
    expect(events[0]!.textContent).toContain('Rita Requester created the ticket');
    expect(events[1]!.textContent).toContain('Service desk (automatic) routed it');
    expect(events[1]!.textContent).toContain('rule it-hardware');
    expect(events[2]!.textContent).toContain('status: from new → to open');
    // Instants read as dates and times, not as the API writes them.
    expect(events[2]!.textContent).toContain('firstResponseAt: from none → to ');
    expect(events[2]!.textContent).not.toContain('T09:20');
  });

  it('keeps the ticket when its history or the requester’s tickets cannot be read', async () => {
    renderTicket({ 'GET /tickets/SD-4/history': 'network', 'GET /tickets': { status: 500, body: { error: { code: 'internal', message: 'boom', details: [] } } } });
    expect(await screen.findByRole('heading', { level: 1, name: 'SD-4: Laptop screen stays black' })).toBeTruthy();
    expect(screen.getByText('The history could not be loaded.')).toBeTruthy();
    expect(await screen.findByText('The requester’s tickets could not be loaded.')).toBeTruthy();
  });

  it('says a ticket that does not exist, or is not on the person’s desks, is not found', async () => {
    renderTicket({ 'GET /tickets/SD-404': { status: 404, body: { error: { code: 'not_found', message: 'Not found', details: [] } } } }, '/console/tickets/SD-404');
    expect(await screen.findByText('There is no such ticket, or it is not on one of your desks.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the queue' }).getAttribute('href')).toBe('/console');
  });
});
