import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from 'react-aria';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { screenRoutes } from '../../test/screen-routes';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import type { components } from '../../lib/api/schema';
import { Component as Team, teamAction, teamLoader } from './routes/team';
import { apiTicket } from '../../test/api-ticket';

type Ticket = components['schemas']['Ticket'];
type DeskTeam = components['schemas']['DeskTeam'];

afterEach(cleanup);

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return apiTicket({
    key: 'SD-3',
    subject: 'Monitor flickers',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    version: 4,
    ...overrides,
  });
}

const member = (email: string, name: string, overrides: Partial<DeskTeam['levels'][number]['members'][number]> = {}) => ({
  email,
  name,
  role: 'agent' as const,
  available: true,
  openTickets: 0,
  atRisk: 0,
  breached: 0,
  ...overrides,
});

function team(danOpen = 2): DeskTeam {
  return {
    desk: { id: 'it', name: 'IT Service Desk' },
    unassigned: 1,
    levels: [
      { id: 'l1', name: 'Level 1', assignment: 'free', members: [member('alice.agent@example.com', 'Alice Agent', { atRisk: 1 }), member('dan.agent@example.com', 'Dan Agent', { openTickets: danOpen })] },
      { id: 'l2', name: 'Level 2', assignment: 'workload', members: [member('bob.agent@example.com', 'Bob Agent', { breached: 2 })] },
    ],
  };
}

const myQueues: FakeAnswer = {
  status: 200,
  body: {
    mine: { active: 0, atRisk: 0, breached: 0 },
    desks: [
      { id: 'it', name: 'IT Service Desk', active: 3, unassigned: 1, atRisk: 0, breached: 0, levels: [] },
      { id: 'facilities', name: 'Facilities', active: 0, unassigned: 0, atRisk: 0, breached: 0, levels: [] },
    ],
  },
};

function renderTeam(routes: Record<string, FakeRoute | FakeAnswer>, path = '/console/team/it') {
  const api = fakeApi({ 'GET /me/queues': myQueues, ...routes });
  const router = createMemoryRouter(screenRoutes([{ path: '/console/team/:desk', Component: Team, loader: teamLoader(api.source), action: teamAction(api.source) }]), { initialEntries: [path] });
  render(
    <I18nProvider locale="en-US">
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return { ...api, router };
}

const unassignedQueue =
  (items: Ticket[]): FakeRoute =>
  (request) => {
    if (request.search.get('assignee') === 'none') return { status: 200, body: { items } };
    return { status: 200, body: { items: [] } };
  };

/** An agent's card: the innermost list item that holds the heading with the agent's name. */
const agentCard = (name: string): HTMLElement => screen.getAllByRole('listitem').findLast((item) => within(item).queryByRole('heading', { level: 3, name }))!;

describe('the team view', () => {
  it('shows each level’s agents with their counts and availability, the unassigned work and the person’s desks', async () => {
    const { requests } = renderTeam({ 'GET /desks/it/team': { status: 200, body: team() }, 'GET /desks/it/queue': unassignedQueue([ticket()]) });
    await screen.findByRole('heading', { level: 1, name: 'Team of IT Service Desk' });
    expect(screen.getByRole('heading', { level: 2, name: 'Level 1' })).toBeTruthy();
    expect(screen.getByText('Agents pick from the queue')).toBeTruthy();
    const dan = agentCard('Dan Agent');
    expect(within(dan).getByText('dan.agent@example.com')).toBeTruthy();
    expect(
      within(dan)
        .getAllByRole('definition')
        .map((value) => value.textContent),
    ).toEqual(['2', '0', '0']);
    expect((within(dan).getByRole('switch', { name: 'Dan Agent available for assignment' }) as HTMLInputElement).checked).toBe(true);
    expect(within(dan).getByRole('link', { name: 'Work of Dan Agent' }).getAttribute('href')).toBe('/console?desk=it&assignee=dan.agent%40example.com');
    const grid = screen.getByRole('grid', { name: 'Unassigned' });
    expect(within(grid).getByRole('row', { name: /SD-3/ })).toBeTruthy();
    const desks = screen.getByRole('navigation', { name: 'Desks' });
    expect(
      within(desks)
        .getByRole('link', { name: /IT Service Desk/ })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(
      within(desks)
        .getByRole('link', { name: /Facilities/ })
        .getAttribute('href'),
    ).toBe('/console/team/facilities');
    const unassignedCall = requests.find((request) => request.path === '/desks/it/queue')!;
    expect(unassignedCall.search.get('assignee')).toBe('none');
    expect(unassignedCall.search.get('status')).toBe('active');
  });

  it('assigns a ticket from its Assign to menu with the listed version, then shows the team as the API now holds it', async () => {
    let patched = false;
    const { requests } = renderTeam({
      'GET /desks/it/team': () => ({ status: 200, body: team(patched ? 3 : 2) }),
      'GET /desks/it/queue': () => ({ status: 200, body: { items: patched ? [] : [ticket()] } }),
      'PATCH /tickets/SD-3': () => {
        patched = true;
        return { status: 200, body: { ticket: ticket({ assignee: 'dan.agent@example.com', version: 5 }) } };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Assign SD-3 to…' }));
    const menu = await screen.findByRole('menu', { name: 'Assign SD-3 to…' });
    expect(within(menu).getByText('Level 2')).toBeTruthy();
    await user.click(within(menu).getByRole('menuitem', { name: 'Dan Agent, available' }));
    await screen.findByText('SD-3 assigned to Dan Agent');
    const patch = requests.find((request) => request.method === 'PATCH')!;
    expect(patch.body).toEqual({ assignee: 'dan.agent@example.com' });
    expect(patch.headers.get('if-match')).toBe('"4"');
    await screen.findByText('No unassigned tickets.');
    const dan = agentCard('Dan Agent');
    await waitFor(() => expect(within(dan).getAllByRole('definition')[0]!.textContent).toBe('3'));
  });

  it('says a ticket changed since the list loaded, overwrites nothing and loads the list again', async () => {
    let teamReads = 0;
    renderTeam({
      'GET /desks/it/team': () => (teamReads++, { status: 200, body: team() }),
      'GET /desks/it/queue': { status: 200, body: { items: [ticket()] } },
      'PATCH /tickets/SD-3': { status: 412, body: { error: { code: 'precondition_failed', message: 'stale', details: [] } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Assign SD-3 to…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Alice Agent, available' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('SD-3 changed since the list was loaded');
    expect(teamReads).toBe(2);
  });

  it('shows another refusal next to its ticket', async () => {
    renderTeam({
      'GET /desks/it/team': { status: 200, body: team() },
      'GET /desks/it/queue': { status: 200, body: { items: [ticket()] } },
      'PATCH /tickets/SD-3': { status: 403, body: { error: { code: 'forbidden', message: 'no', details: [] } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Assign SD-3 to…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Bob Agent, available' }));
    const row = screen.getByRole('row', { name: /SD-3/ });
    expect((await within(row).findByRole('alert')).textContent).toBe('You may not assign this ticket to that agent.');
  });

  it('switches an agent’s availability and keeps a refusal beside the switch', async () => {
    const { requests } = renderTeam({
      'GET /desks/it/team': { status: 200, body: team() },
      'GET /desks/it/queue': { status: 200, body: { items: [] } },
      'PUT /agents/bob.agent%40example.com/availability': { status: 403, body: { error: { code: 'forbidden', message: 'no', details: [] } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('switch', { name: 'Bob Agent available for assignment' }));
    const bob = agentCard('Bob Agent');
    expect((await within(bob).findByRole('alert')).textContent).toBe('You may not change this agent’s availability.');
    expect(requests.find((request) => request.method === 'PUT')!.body).toEqual({ available: false });
    // The switch shows what the API holds: still available.
    expect((within(bob).getByRole('switch') as HTMLInputElement).checked).toBe(true);
  });

  it('lists an agent’s open tickets when their card is expanded, to move them', async () => {
    renderTeam(
      {
        'GET /desks/it/team': { status: 200, body: team() },
        'GET /desks/it/queue': (request) => ({
          status: 200,
          body: { items: request.search.get('assignee') === 'alice.agent@example.com' ? [ticket({ key: 'SD-9', assignee: 'alice.agent@example.com' })] : [] },
        }),
      },
      '/console/team/it?open=alice.agent%40example.com',
    );
    const grid = await screen.findByRole('grid', { name: 'Open tickets of Alice Agent' });
    expect(within(grid).getByRole('button', { name: 'Move SD-9 to…' })).toBeTruthy();
  });

  it('says so when the desk is not one the person may see', async () => {
    renderTeam({ 'GET /desks/hr/team': { status: 403, body: { error: { code: 'forbidden', message: 'no', details: [] } } } }, '/console/team/hr');
    expect((await screen.findByRole('alert')).textContent).toContain('You may not see this desk’s team');
  });

  it('offers Try again when the team could not be reached', async () => {
    renderTeam({ 'GET /desks/it/team': 'network', 'GET /desks/it/queue': 'network' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The team could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows its texts in German', async () => {
    const api = fakeApi({ 'GET /me/queues': myQueues, 'GET /desks/it/team': { status: 200, body: team() }, 'GET /desks/it/queue': { status: 200, body: { items: [ticket()] } } });
    const router = createMemoryRouter(screenRoutes([{ path: '/console/team/:desk', Component: Team, loader: teamLoader(api.source) }]), { initialEntries: ['/console/team/it'] });
    render(
      <I18nProvider locale="de-DE">
        <RouterProvider router={router} />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Team von IT Service Desk' });
    expect(screen.getByRole('button', { name: 'SD-3 zuweisen an…' })).toBeTruthy();
  });
});
