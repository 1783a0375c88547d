import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, fakeSession, jane, json, renderApp } from '../test/render-app';

afterEach(cleanup);

describe('the shell', { timeout: 20_000 }, () => {
  it('shows signed-out people a sign-in page with a button per identity provider, and no screens', async () => {
    const { signIns } = fakeSession(null);
    fakeApi({});
    renderApp('/requests/SD-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the service desk' }, { timeout: 8000 })).toBeDefined();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in with Corporate SSO' })).toBeDefined();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIns).toEqual([undefined]);
  });

  it('has a skip link, one main, the navigation with the current page and the person with Sign out', async () => {
    fakeSession();
    fakeApi({ 'GET /catalog': () => json(200, { catalog: [] }), 'GET /tickets': () => json(200, { items: [] }) });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'How can we help?' }, { timeout: 8000 });
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');
    expect(screen.getAllByRole('main')).toHaveLength(1);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'My requests' }).hasAttribute('aria-current')).toBe(false);
    expect(within(nav).getByRole('link', { name: 'Approvals' })).toBeDefined();
    expect(screen.getByText('Jane Doe')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Example Service Desk' })).toBeDefined();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('tells staff on portal pages that their queues are under Queues, and links to them', async () => {
    fakeSession({ ...jane, groups: ['agent'] });
    fakeApi({ 'GET /catalog': () => json(200, { catalog: [] }), 'GET /tickets': () => json(200, { items: [] }) });
    renderApp('/');
    expect((await screen.findByRole('note', {}, { timeout: 8000 })).textContent).toContain('you find your queues under Queues');
    const queues = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Queues' });
    expect(queues.getAttribute('href')).toBe('/console');
  });

  it('shows the console without the note, and no Queues link to requesters', async () => {
    fakeSession({ ...jane, groups: ['agent'] });
    fakeApi({ 'GET /tickets': () => json(200, { items: [] }) });
    renderApp('/console');
    await screen.findByRole('heading', { level: 1, name: 'My work' }, { timeout: 8000 });
    expect(
      within(screen.getByRole('navigation', { name: 'Main' }))
        .getByRole('link', { name: 'Queues' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    fakeSession(jane);
    fakeApi({ 'GET /catalog': () => json(200, { catalog: [] }), 'GET /tickets': () => json(200, { items: [] }) });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'How can we help?' }, { timeout: 8000 });
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Queues' })).toBeNull();
  });

  it("reads a 404 from the API as a request that does not exist or is not the person's", async () => {
    fakeSession();
    fakeApi({ 'GET /catalog': () => json(404, { error: { code: 'not_found', message: 'not found', details: [] } }) });
    renderApp('/');
    expect(await screen.findByText('This request does not exist or is not yours.', {}, { timeout: 8000 })).toBeDefined();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeDefined();
  });

  it('offers Try again for other failures, in German too', async () => {
    fakeSession();
    fakeApi({ 'GET /catalog': () => json(500, { error: { code: 'internal', message: 'boom', details: [] } }) });
    renderApp('/', 'de-DE');
    expect(await screen.findByRole('button', { name: 'Erneut versuchen' }, { timeout: 8000 })).toBeDefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Etwas ist schiefgelaufen' })).toBeDefined();
  });
});
