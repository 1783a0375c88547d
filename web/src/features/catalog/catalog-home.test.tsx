import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, fakeSession, json, renderApp } from '../../test/render-app';

const leaf = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, type: 'incident', requiresApproval: false, form: [], children: [], ...extra });
const catalog = {
  catalog: [
    {
      ...leaf('it', 'IT'),
      children: [
        {
          ...leaf('it-access', 'Access'),
          children: [
            leaf('it-access-request', 'Request system access', { requiresApproval: true }),
            leaf('it-access-password', 'Password reset', { pinned: true, description: 'Locked out or forgot your password' }),
          ],
        },
        leaf('it-sla-demo', 'SLA demo'),
      ],
    },
    { ...leaf('facilities', 'Facilities'), children: [leaf('facilities-repair', 'Something is broken', { description: 'Doors, blinds, lights' })] },
  ],
};
const tickets = { items: [{ key: 'SD-3', subject: 'ERP access', status: 'pending_approval', updatedAt: '2026-11-30T10:00:00Z' }] };

beforeEach(() => fakeSession());
afterEach(cleanup);

describe('the home page', { timeout: 20_000 }, () => {
  it('shows the catalog by category with pinned items first, and the open requests', async () => {
    const { requests } = fakeApi({ 'GET /catalog': () => json(200, catalog), 'GET /tickets': () => json(200, tickets) });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'How can we help?' }, { timeout: 8000 });

    const pinned = screen.getByRole('region', { name: 'Common requests' });
    expect(within(pinned).getByRole('link', { name: 'Password reset' }).getAttribute('href')).toBe('/request/it-access-password');
    const it = screen.getByRole('region', { name: 'IT' });
    expect(
      within(it)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['SLA demo', 'Request system access', 'Password reset']);
    expect(within(it).getByText('Needs approval')).toBeDefined();
    expect(screen.getByRole('region', { name: 'Facilities' })).toBeDefined();

    const open = screen.getByRole('complementary', { name: 'Your open requests' });
    expect(within(open).getByRole('link', { name: 'SD-3 ERP access' }).getAttribute('href')).toBe('/requests/SD-3');
    expect(within(open).getByText('Waiting for approval')).toBeDefined();
    expect(within(open).getByRole('link', { name: 'See all my requests' }).getAttribute('href')).toBe('/requests');
    const list = requests.find((request) => new URL(request.url).pathname === '/api/tickets')!;
    expect(new URL(list.url).searchParams.get('status')).toBe('active');
  });

  it('searches names and descriptions as one types and says how many items match', async () => {
    fakeApi({ 'GET /catalog': () => json(200, catalog), 'GET /tickets': () => json(200, { items: [] }) });
    renderApp('/');
    const search = await screen.findByRole('searchbox', { name: 'Search the catalog' }, { timeout: 8000 });
    const user = userEvent.setup({ delay: null });
    await user.type(search, 'blinds');
    expect(screen.getByRole('status').textContent).toBe('1 item found');
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(
      within(results)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Something is broken']);
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.getByRole('status').textContent).toContain('Nothing matches');
    expect(screen.getByText('You have no open requests.')).toBeDefined();
  });
});
