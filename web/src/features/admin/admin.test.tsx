import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from 'react-aria';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { screenRoutes } from '../../test/screen-routes';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import type { components } from '../../lib/api/schema';
import { Component as Config, configLoader } from './routes/config';
import { Component as Quarantine, quarantineLoader } from './routes/quarantine';

afterEach(cleanup);

const forbidden: FakeAnswer = { status: 403, body: { error: { code: 'forbidden', message: 'no', details: [] } } };

function renderAdmin(routes: Record<string, FakeRoute | FakeAnswer>, path: string) {
  const api = fakeApi(routes);
  const router = createMemoryRouter(
    screenRoutes([
      { path: '/console/admin/config', Component: Config, loader: configLoader(api.source) },
      { path: '/console/admin/quarantine', Component: Quarantine, loader: quarantineLoader(api.source) },
    ]),
    { initialEntries: [path] },
  );
  render(
    <I18nProvider locale="en-US">
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return { ...api, router };
}

const config: components['schemas']['AdminConfig'] = {
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  desks: [{ id: 'it', name: 'IT Service Desk', restricted: false, managers: ['maria.manager@example.com'], levels: [{ id: 'l1', name: 'Level 1', members: ['alice.agent@example.com'], assignment: 'free' }] }],
  staff: [{ email: 'maria.manager@example.com', name: 'Maria Manager', role: 'manager' }],
  groups: [],
  catalog: [
    {
      id: 'it',
      name: 'IT',
      desk: 'it',
      level: 'l1',
      type: 'incident',
      pinned: false,
      approvals: [],
      form: [],
      children: [
        {
          id: 'it-hardware-broken',
          name: 'Broken device',
          desk: 'it',
          level: 'l1',
          type: 'incident',
          priority: 'P3',
          pinned: true,
          approvals: [],
          form: [{ id: 'assetTag', label: 'Asset tag', type: 'asset', required: true }],
          children: [],
        },
      ],
    },
  ],
  slaPolicies: [
    {
      id: 'standard',
      name: 'Standard',
      calendar: 'office',
      when: {},
      pauseOn: ['pending'],
      targets: { firstResponse: 60, resolution: 480 },
      thresholds: [{ percent: 75, actions: [{ kind: 'notify', to: ['assignee'] }] }],
    },
  ],
  calendars: [{ id: 'office', timeZone: 'Europe/Berlin', hours: { mon: [['08:00', '17:00']] }, holidays: { country: 'DE', state: 'BY' } }],
  routingRules: [{ id: 'vip', when: { vip: true }, then: { priority: 'P2' } }],
  email: { address: 'help@example.com', attachments: { maxCount: 10, maxFileBytes: 1000, maxTotalBytes: 5000 }, maxAutomaticRepliesPerHour: 5, retainRawMailDays: 30 },
  signIn: { emailCode: true, identityProviders: [], selfSignUpDomains: [] },
  uploads: { maxCount: 10, maxFileBytes: 1000 },
};

describe('the configuration screen', () => {
  it('shows desks, staff, catalog, SLA policies, calendars, routing and mail read-only, and says the configuration is code', async () => {
    renderAdmin({ 'GET /admin/config': { status: 200, body: { config } } }, '/console/admin/config');
    await screen.findByRole('heading', { level: 1, name: 'Configuration' });
    expect(screen.getByRole('note').textContent).toContain('servicedesk.config.ts');
    for (const name of ['Desks', 'Staff', 'Catalog', 'SLA policies', 'Calendars', 'Routing rules', 'Mail']) expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Level 1.*alice\.agent@example\.com.*Agents pick/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Maria Manager/ })).toBeTruthy();
    expect(screen.getByText('Broken device')).toBeTruthy();
    expect(screen.getByText('Asset tag (asset, required)')).toBeTruthy();
    expect(screen.getByText('First response: 60; Resolution: 480')).toBeTruthy();
    expect(screen.getByText('mon 08:00–17:00')).toBeTruthy();
    expect(screen.getByText('help@example.com')).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
  });

  it('shows the API’s refusal to anyone but an admin', async () => {
    renderAdmin({ 'GET /admin/config': forbidden }, '/console/admin/config');
    expect((await screen.findByRole('alert')).textContent).toBe('Only admins may see this.');
  });
});

describe('the quarantine screen', () => {
  it('lists the mail kept aside on today’s UTC day by default, and another day from the date field', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { requests } = renderAdmin(
      {
        'GET /mail/quarantine': (request) => ({
          status: 200,
          body: {
            day: request.search.get('day'),
            items:
              request.search.get('day') === today
                ? [
                    { at: `${today}T08:00:00.000Z`, from: 'spam@example.net', reason: 'spam', location: 's3://raw/inbound/abc' },
                    { at: `${today}T09:00:00.000Z`, reason: 'duplicate', outcome: 'ignored', location: 's3://raw/inbound/def' },
                  ]
                : [],
          },
        }),
      },
      '/console/admin/quarantine',
    );
    const table = await screen.findByRole('table', { name: `Mail kept aside on ${today}` });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('spam@example.net');
    expect(rows[1]!.textContent).toContain('Quarantined');
    expect(rows[2]!.textContent).toContain('Ignored');
    expect(rows[2]!.textContent).toContain('s3://raw/inbound/def');
    expect(requests[0]!.search.get('day')).toBe(today);

    const user = userEvent.setup();
    const field = screen.getByLabelText('Day (UTC)');
    await user.clear(field);
    await user.type(field, '2026-01-05');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByText('No mail was kept aside on 2026-01-05.');
  });

  it('shows the API’s refusal to anyone but an admin', async () => {
    renderAdmin({ 'GET /mail/quarantine': forbidden }, '/console/admin/quarantine');
    expect((await screen.findByRole('alert')).textContent).toBe('Only admins may see this.');
  });
});
