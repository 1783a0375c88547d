import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { I18nProvider } from 'react-aria';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation, useParams } from 'react-router';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import type { components } from '../../lib/api/schema';
import { queueCall } from './api/list-queue';
import { queueFiltersOf, queueHref, queueIdentity } from './queue-filters';
import { Component as Queue, queueLoader } from './routes/queue';
import { searchTarget } from './search-target';

type Ticket = components['schemas']['Ticket'];

afterEach(cleanup);

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    key: 'SD-1',
    type: 'incident',
    subject: 'Laptop screen stays black',
    description: 'Since this morning.',
    requester: { email: 'rita@example.org', name: 'Rita Requester' },
    status: 'new',
    waitingOn: 'desk',
    priority: 'P3',
    category: [],
    desk: 'it',
    level: 'l1',
    tags: [],
    customFields: {},
    channel: 'api',
    createdAt: new Date(Date.now() - 90 * 60_000).toISOString(),
    updatedAt: new Date().toISOString(),
    version: 1,
    ...overrides,
  } as Ticket;
}

/** Where a row or the search went: the ticket view's stand-in shows the key and the queue it came from. */
function TicketStandIn() {
  const { key } = useParams();
  const { state } = useLocation();
  return <h1>{`Ticket ${key} from ${(state as { queue?: string } | null)?.queue ?? 'nowhere'}`}</h1>;
}

function renderQueue(routes: Record<string, FakeRoute | FakeAnswer>, path: string, locale = 'en-US') {
  const api = fakeApi(routes);
  const router = createMemoryRouter(
    [
      { path: '/console', Component: Queue, loader: queueLoader(api.source) },
      { path: '/console/tickets/:key', Component: TicketStandIn },
    ],
    { initialEntries: [path] },
  );
  render(
    <I18nProvider locale={locale}>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return { ...api, router };
}

const page = (items: Ticket[], nextCursor?: string): FakeAnswer => ({ status: 200, body: { items, ...(nextCursor ? { nextCursor } : {}) } });

describe('the queue filters', () => {
  it('read a queue from its link and write it back in one order, without the page', () => {
    const filters = queueFiltersOf(new URLSearchParams('status=open&level=l1&desk=it&cursor=abc&sla='));
    expect(filters).toEqual({ desk: 'it', level: 'l1', status: 'open' });
    expect(queueHref(filters)).toBe('/console?desk=it&level=l1&status=open');
    expect(queueHref(filters, 'next')).toBe('/console?desk=it&level=l1&status=open&cursor=next');
    expect(queueHref({})).toBe('/console');
  });

  it('name the same queue whatever its status and SLA filters', () => {
    expect(queueIdentity({ desk: 'it', status: 'open' })).toBe(queueIdentity({ desk: 'it', sla: 'breached' }));
    expect(queueIdentity({})).toBe(queueIdentity({ assignee: 'me' }));
    expect(queueIdentity({ desk: 'it' })).not.toBe(queueIdentity({ desk: 'it', level: 'l1' }));
  });

  it('list the person’s own work when nothing is named, a level through the desk’s queue, and say what that call cannot apply', () => {
    expect(queueCall({})).toEqual({ route: 'tickets', query: { assignee: 'me' }, ignored: [] });
    expect(queueCall({ desk: 'it', sla: 'at_risk', status: 'all' })).toEqual({ route: 'tickets', query: { desk: 'it', status: 'all', sla: 'at_risk' }, ignored: [] });
    expect(queueCall({ requester: 'rita@example.org', status: 'all' })).toEqual({ route: 'tickets', query: { requester: 'rita@example.org', status: 'all' }, ignored: [] });
    expect(queueCall({ desk: 'it', level: 'l1', status: 'new', sla: 'breached' })).toEqual({ route: 'desk', desk: 'it', query: { level: 'l1', status: 'new' }, ignored: ['sla'] });
    expect(queueCall({ level: 'l1', sla: 'soon' })).toEqual({ route: 'tickets', query: { assignee: 'me' }, ignored: ['level', 'sla'] });
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
    const { requests } = renderQueue(
      {
        'GET /tickets': page([
          ticket({ key: 'SD-7', subject: 'VPN drops', priority: 'P1', assignee: 'alice.agent@example.com', status: 'open', requester: { email: 'vera@example.org', name: 'Vera VIP', vip: true } }),
          ticket({ key: 'SD-3', subject: 'Mouse broken' }),
        ]),
      },
      '/console',
    );
    const table = await screen.findByRole('grid', { name: 'My work' });
    expect(requests[0]!.path).toBe('/tickets');
    expect(requests[0]!.search.get('assignee')).toBe('me');
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Key', 'Subject', 'Requester', 'Status', 'Priority', 'Assignee', 'Age', 'SLA']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!).getAllByRole('gridcell').concat(within(rows[0]!).getAllByRole('rowheader'));
    const text = rows[0]!.textContent ?? '';
    expect(first.length).toBe(8);
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
    expect(rows[0]!.getAttribute('data-href')).toBe('/console/tickets/SD-7');

    const sidebar = screen.getByRole('navigation', { name: 'Queues' });
    expect(within(sidebar).getByRole('link', { name: 'My work' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('search', { name: 'Find tickets' })).toBeTruthy();

    // The keyboard: a row takes the focus, the arrow moves to the next ticket, Enter opens it.
    act(() => rows[0]!.focus());
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('heading', { name: 'Ticket SD-3 from /console' })).toBeTruthy();
  });

  it('lists one level of a desk through the desk’s queue, with the desk and level in the sidebar', async () => {
    const { requests } = renderQueue({ 'GET /desks/it/queue': page([ticket()]) }, '/console?desk=it&level=l1');
    await screen.findByRole('grid', { name: 'Desk it, level l1' });
    expect(requests[0]!.search.get('level')).toBe('l1');
    expect(requests[0]!.search.has('status')).toBe(false);
    const sidebar = screen.getByRole('navigation', { name: 'Queues' });
    expect(within(sidebar).getByRole('link', { name: 'Desk it' }).getAttribute('href')).toBe('/console?desk=it');
    expect(within(sidebar).getByRole('link', { name: 'Level l1' }).getAttribute('aria-current')).toBe('page');
    expect(within(sidebar).getByRole('link', { name: 'My work' }).getAttribute('aria-current')).toBeNull();
    // The desk's queue takes no SLA filter, and the screen says so.
    const sla = screen.getByRole('button', { name: /SLA/ });
    expect((sla as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/cannot be narrowed by SLA yet/)).toBeTruthy();
  });

  it('filters by status through the link, keeping the queue', async () => {
    const { requests, router } = renderQueue(
      { 'GET /desks/it/queue': (request) => page(request.search.get('status') === 'open' ? [ticket({ key: 'SD-9', subject: 'Opened one', status: 'open' })] : [ticket()]) },
      '/console?desk=it&level=l1',
    );
    await screen.findByRole('grid', { name: 'Desk it, level l1' });
    await userEvent.click(screen.getByRole('button', { name: /Status/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Open' }));
    await screen.findByText('Opened one');
    expect(router.state.location.search).toBe('?desk=it&level=l1&status=open');
    expect(requests.at(-1)!.search.get('status')).toBe('open');
    expect(requests.at(-1)!.search.get('level')).toBe('l1');
  });

  it('shows more of the queue on request', async () => {
    const { requests } = renderQueue(
      { 'GET /tickets': (request) => (request.search.get('cursor') ? page([ticket({ key: 'SD-2', subject: 'Older one' })]) : page([ticket({ key: 'SD-5', subject: 'Newer one' })], 'next')) },
      '/console?desk=it',
    );
    await screen.findByText('Newer one');
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('Older one');
    expect(requests.at(-1)!.search.get('cursor')).toBe('next');
    expect(requests.at(-1)!.search.get('desk')).toBe('it');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByText('1 more tickets shown')).toBeTruthy();
  });

  it('offers Try again when the queue could not be loaded, and tries the same filters again', async () => {
    let calls = 0;
    const { requests } = renderQueue({ 'GET /tickets': () => (++calls === 1 ? 'network' : page([ticket({ subject: 'Back again' })])) }, '/console?desk=it&sla=breached');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The queue could not be loaded');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('Back again');
    expect(requests.map((request) => request.search.toString())).toEqual(['desk=it&sla=breached&limit=25', 'desk=it&sla=breached&limit=25']);
  });

  it('says so when the queue is not the person’s to read', async () => {
    renderQueue({ 'GET /tickets': { status: 403, body: { error: { code: 'forbidden', message: 'You do not work desk hr', details: [] } } } }, '/console?desk=hr');
    expect((await screen.findByRole('alert')).textContent).toContain('You may not read this queue');
    expect(screen.getByRole('link', { name: 'Show my work' }).getAttribute('href')).toBe('/console');
  });

  it('opens a ticket by its key, lists a requester’s tickets by email, and says what else it takes', async () => {
    const { requests } = renderQueue({ 'GET /tickets': (request) => page(request.search.get('requester') ? [ticket({ subject: 'One of Rita’s' })] : []) }, '/console');
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
    expect(requests.at(-1)!.search.get('requester')).toBe('rita@example.org');
    expect(requests.at(-1)!.search.get('status')).toBe('all');

    await userEvent.clear(box);
    await userEvent.type(box, 'sd-42{Enter}');
    expect(await screen.findByRole('heading', { name: 'Ticket SD-42 from /console?requester=rita%40example.org&status=all' })).toBeTruthy();
  });
});

describe('the queue screen in German', () => {
  it('names its parts, columns and filters in German', async () => {
    renderQueue({ 'GET /tickets': page([ticket({ status: 'pending' })]) }, '/console', 'de-DE');
    const table = await screen.findByRole('grid', { name: 'Meine Arbeit' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Schlüssel', 'Betreff', 'Anfragende Person', 'Status', 'Priorität', 'Bearbeitung', 'Alter', 'SLA']);
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Rückfrage');
    expect(screen.getByRole('navigation', { name: 'Warteschlangen' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Ticket finden' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Aktiv \(nicht gelöst oder geschlossen\) Status/ })).toBeTruthy();
  });
});
