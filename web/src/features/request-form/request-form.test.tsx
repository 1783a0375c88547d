import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, fakeSession, json, renderApp } from '../../test/render-app';
import type { CatalogNode } from './api/request-form-api';

const item: CatalogNode = {
  id: 'everything',
  name: 'Every kind of field',
  description: 'A form with one field of each type',
  type: 'service_request',
  pinned: false,
  requiresApproval: true,
  children: [],
  form: [
    { id: 'room', label: 'Room', type: 'text', required: true, help: 'Like 2.14' },
    { id: 'floor', label: 'Floor', type: 'number', required: false, min: -2, max: 20 },
    { id: 'neededBy', label: 'Needed by', type: 'date', required: false, help: 'The first working day you need it' },
    { id: 'system', label: 'System', type: 'choice', required: true, options: ['ERP', 'CRM', 'Data warehouse'] },
    { id: 'country', label: 'Country', type: 'choice', required: false, options: ['DE', 'AT', 'CH', 'FR', 'IT', 'NL'], default: 'DE' },
    { id: 'tools', label: 'Tools', type: 'multi_choice', required: false, options: ['Excel', 'Word'] },
    { id: 'contact', label: 'Contact email', type: 'email', required: false },
    { id: 'colleague', label: 'Colleague', type: 'user', required: false },
    { id: 'assetTag', label: 'Asset tag', type: 'asset', required: false },
  ],
};
const catalog = { catalog: [{ id: 'it', name: 'IT', type: 'incident', requiresApproval: false, form: [], children: [item] }] };

const ticket = (key: string) => ({ ticket: { key, subject: 'x', status: 'pending_approval' } });

beforeEach(() => {
  sessionStorage.clear();
  fakeSession();
});
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

async function openForm(handlers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ 'GET /catalog': () => json(200, catalog), ...handlers });
  const view = renderApp('/request/everything');
  await screen.findByRole('heading', { level: 1, name: 'Every kind of field' }, { timeout: 8000 });
  return { ...api, ...view, user: userEvent.setup({ delay: null }) };
}

describe('the request form', { timeout: 20_000 }, () => {
  it('renders every field type with its label, help, default and required mark', async () => {
    await openForm();
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveProperty('value', 'Every kind of field');
    const room = screen.getByRole('textbox', { name: 'Room' });
    expect(room.getAttribute('aria-required')).toBe('true');
    expect(room.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Like 2.14')).toBeDefined();
    expect(screen.getByRole('textbox', { name: 'Floor' })).toBeDefined();
    expect(screen.getByRole('group', { name: 'Needed by' })).toBeDefined();
    const system = screen.getByRole('radiogroup', { name: 'System' });
    expect(
      within(system)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['ERP', 'CRM', 'Data warehouse']);
    expect(screen.getByRole('button', { name: /Country/ }).textContent).toContain('DE');
    const tools = screen.getByRole('group', { name: 'Tools' });
    expect(within(tools).getAllByRole('checkbox')).toHaveLength(2);
    expect(screen.getByRole('textbox', { name: 'Contact email' }).getAttribute('type')).toBe('email');
    expect(screen.getByRole('textbox', { name: 'Colleague' }).getAttribute('type')).toBe('email');
    expect(screen.getByRole('textbox', { name: 'Asset tag' })).toBeDefined();
    expect(screen.getByRole('textbox', { name: 'Description' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Send request' })).toBeDefined();
    expect(screen.getByText('This request needs approval before the team starts on it.')).toBeDefined();
  });

  it('shows the error beside a required field left empty, keeps what was typed and sends nothing', async () => {
    const { user, requests } = await openForm();
    await user.type(screen.getByRole('textbox', { name: 'Asset tag' }), 'NB-0042');
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    const room = screen.getByRole('textbox', { name: 'Room' });
    expect(room.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Room', description: /Please fill in this field\./ })).toBe(room);
    expect(within(screen.getByRole('radiogroup', { name: 'System' })).getByText('Please choose an option.')).toBeDefined();
    // eslint-disable-next-line testing-library/no-node-access -- which element has focus is what this checks
    await waitFor(() => expect(document.activeElement).toBe(room));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Asset tag' }).value).toBe('NB-0042');
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it("puts the API's 400 details beside their fields, and one for a field not on the screen in the summary, which takes focus", async () => {
    const { user, requests } = await openForm({
      'POST /tickets': () =>
        json(400, {
          error: {
            code: 'validation_failed',
            message: 'invalid',
            details: [
              { path: 'customFields.assetTag', message: 'unknown asset NB-0042' },
              { path: 'requester', message: 'not allowed' },
            ],
          },
        }),
    });
    await user.type(screen.getByRole('textbox', { name: 'Room' }), '2.14');
    await user.click(screen.getByRole('radio', { name: 'CRM' }));
    await user.type(screen.getByRole('textbox', { name: 'Asset tag' }), 'NB-0042');
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('requester: not allowed')).toBeDefined();
    // eslint-disable-next-line testing-library/no-node-access -- which element has focus is what this checks
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const asset = screen.getByRole('textbox', { name: 'Asset tag' });
    expect(asset.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Asset tag', description: /unknown asset NB-0042/ })).toBe(asset);
    expect(screen.getByRole('textbox', { name: 'Room' }).hasAttribute('aria-invalid')).toBe(false);

    const sent = requests.find((request) => request.method === 'POST')!;
    expect(await sent.json()).toEqual({
      catalogItem: 'everything',
      subject: 'Every kind of field',
      description: '',
      tags: [],
      customFields: { room: '2.14', system: 'CRM', country: 'DE', assetTag: 'NB-0042' },
    });
  });

  it('keeps everything after a network failure and offers Try again, which sends under the same Idempotency-Key', async () => {
    let calls = 0;
    const { user, requests, router } = await openForm({
      'POST /tickets': () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return json(201, ticket('SD-7'));
      },
      'GET /tickets/SD-7': () => json(200, { ...ticket('SD-7'), comments: [] }),
    });
    await user.type(screen.getByRole('textbox', { name: 'Room' }), '2.14');
    await user.click(screen.getByRole('radio', { name: 'ERP' }));
    await user.click(screen.getByRole('checkbox', { name: 'Word' }));
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Since Monday');
    await user.click(screen.getByRole('button', { name: 'Send request' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/could not be reached/)).toBeDefined();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Room' }).value).toBe('2.14');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'ERP' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Word' }).checked).toBe(true);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Description' }).value).toBe('Since Monday');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/requests/SD-7'));
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2);
    const [first, second] = posts.map((request) => request.headers.get('idempotency-key'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
    expect(sessionStorage.getItem('request-draft:everything')).toBeNull();
  });

  it('keeps the draft in session storage, so a sign-in redirect loses nothing', async () => {
    const { user, unmount } = await openForm();
    await user.type(screen.getByRole('textbox', { name: 'Room' }), '3.01');
    unmount();
    await openForm();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Room' }).value).toBe('3.01');
  });

  it('sends with Enter from a text field', async () => {
    const { user, requests } = await openForm({ 'POST /tickets': () => json(201, ticket('SD-8')), 'GET /tickets/SD-8': () => json(200, { ...ticket('SD-8'), comments: [] }) });
    await user.click(screen.getByRole('radio', { name: 'CRM' }));
    await user.type(screen.getByRole('textbox', { name: 'Room' }), '2.14{Enter}');
    await waitFor(() => expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1));
  });

  it('is in German for a German-speaking person', async () => {
    fakeApi({ 'GET /catalog': () => json(200, catalog) });
    renderApp('/request/everything', 'de-DE');
    expect(await screen.findByRole('button', { name: 'Anfrage senden' }, { timeout: 8000 })).toBeDefined();
    expect(screen.getByRole('textbox', { name: 'Betreff' })).toBeDefined();
  });
});
