import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, fakeSession, jane, json, renderApp } from '../../test/render-app';

afterEach(cleanup);

const myQueues = (desks: { id: string; name: string }[]) => () =>
  json(200, { mine: { active: 0, atRisk: 0, breached: 0 }, desks: desks.map((desk) => ({ ...desk, active: 0, unassigned: 0, atRisk: 0, breached: 0, levels: [] })) });

const portal = { 'GET /catalog': () => json(200, { catalog: [] }), 'GET /tickets': () => json(200, { items: [] }) };

describe('the Team and Admin links', { timeout: 20_000 }, () => {
  it('show Team to a manager whose desks GET /me/queues lists, and no Admin', async () => {
    fakeSession({ ...jane, groups: ['manager'] });
    fakeApi({ ...portal, 'GET /me/queues': myQueues([{ id: 'it', name: 'IT Service Desk' }]) });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 8000 });
    expect((await within(nav).findByRole('link', { name: 'Team' })).getAttribute('href')).toBe('/console/team');
    expect(within(nav).queryByRole('link', { name: 'Admin' })).toBeNull();
  });

  it('show Admin to an admin, and no Team when the admin works no desk', async () => {
    fakeSession({ ...jane, groups: ['admin'] });
    const { requests } = fakeApi({ ...portal, 'GET /me/queues': myQueues([]) });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 8000 });
    expect((await within(nav).findByRole('link', { name: 'Admin' })).getAttribute('href')).toBe('/console/admin/config');
    // The desks were asked for; their empty answer shows no Team link.
    await waitFor(() => expect(requests.some((request) => new URL(request.url).pathname.endsWith('/me/queues'))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(nav).queryByRole('link', { name: 'Team' })).toBeNull();
  });

  it('show neither to an agent', async () => {
    fakeSession({ ...jane, groups: ['agent'] });
    const { requests } = fakeApi({ ...portal, 'GET /me/queues': myQueues([{ id: 'it', name: 'IT Service Desk' }]) });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 8000 });
    await within(nav).findByRole('link', { name: 'Queues' });
    expect(within(nav).queryByRole('link', { name: 'Team' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Admin' })).toBeNull();
    expect(requests.some((request) => new URL(request.url).pathname.endsWith('/me/queues'))).toBe(false);
  });
});
