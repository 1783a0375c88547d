import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { screenRoutes } from '../../test/screen-routes';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import { provideAuthSession } from '../../lib/auth/auth-session';
import type { HistoryEvent, Ticket } from './api/ticket-api';
import { composerDraftKey } from './composer-draft';
import { Component as TicketView, ErrorBoundary, shouldRevalidate, ticketViewAction, ticketViewLoader } from './routes/ticket-view';
import { apiTicket } from '../../test/api-ticket';

afterEach(cleanup);
// Two cores shared with other runs: give the router's loads time.
configure({ asyncUtilTimeout: 5000 });
beforeEach(() => sessionStorage.clear());

provideAuthSession({
  person: async () => ({ email: 'alice.agent@example.com', name: 'Alice Agent', groups: ['agent'] }),
  idToken: async () => 'id-token',
  signIn: async () => undefined,
  completeSignIn: async () => '/',
  signOut: async () => undefined,
  subscribe: () => () => undefined,
});

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return apiTicket({
    key: 'SD-4',
    status: 'open',
    priority: 'P2',
    version: 3,
    ...overrides,
  });
}

const preview = {
  from: 'IT desk <it@desk.test>',
  to: ['rita@example.org'],
  cc: [],
  subject: 'Re: Laptop screen stays black [SD-4]',
  text: 'A replacement is on its way.\n\n-- \nAlice Agent',
  suppressed: [{ address: 'old@example.org', reason: 'undeliverable', detail: 'Mail to it bounced' }],
};

function renderTicket(routes: Record<string, FakeRoute | FakeAnswer>, queue: { key: string }[] = []) {
  const api = fakeApi({
    'GET /catalog': { status: 200, body: { catalog: [] } },
    'GET /tickets/SD-4': { status: 200, body: { ticket: ticket(), comments: [] } },
    'GET /tickets/SD-4/history': { status: 200, body: { items: [] } },
    'GET /tickets': { status: 200, body: { items: [] } },
    'GET /desks/it/team': { status: 200, body: { desk: { id: 'it', name: 'IT' }, unassigned: 1, levels: [{ id: 'l1', name: 'Level 1', assignment: 'free', members: [] }] } },
    'POST /tickets/SD-4/reply-preview': { status: 200, body: preview },
    ...routes,
  });
  const router = createMemoryRouter(
    screenRoutes([
      { path: '/console', element: <h1>Queue</h1>, loader: () => ({ ok: true, items: queue }) },
      { path: '/console/tickets/:key', Component: TicketView, ErrorBoundary, loader: ticketViewLoader(api.source), action: ticketViewAction(api.source), shouldRevalidate },
    ]),
    { initialEntries: [{ pathname: '/console/tickets/SD-4', state: { queue: '/console?desk=it&level=l1' } }] },
  );
  render(<RouterProvider router={router} />);
  return { ...api, router };
}

const composer = async () => screen.findByRole('region', { name: 'Reply or note' }, { timeout: 5000 });

describe('the ticket view’s composer', { timeout: 30_000 }, () => {
  it('names the reply’s recipients before anything is typed, and the addresses left out with the reason', async () => {
    const { requests } = renderTicket({});
    const region = await composer();
    await within(region).findByText('rita@example.org');
    expect(region.textContent).toContain('old@example.org: mail bounced (Mail to it bounced)');
    expect(requests.find((request) => request.path === '/tickets/SD-4/reply-preview')!.body).toBeUndefined();
  });

  it('sends a public reply with its cc under the draft’s idempotency key, then clears the draft', async () => {
    const added: { body: unknown; key: string | null }[] = [];
    const { requests } = renderTicket({
      'POST /tickets/SD-4/comments': (request) => {
        added.push({ body: request.body, key: request.headers.get('idempotency-key') });
        return { status: 201, body: { comment: {}, ticket: ticket({ version: 4 }) } };
      },
    });
    const region = await composer();
    await userEvent.type(within(region).getByRole('textbox', { name: 'Reply to the requester' }), 'On its way.');
    await userEvent.type(within(region).getByRole('textbox', { name: 'Cc' }), 'carl@example.org{Enter}');
    const stored = JSON.parse(sessionStorage.getItem(composerDraftKey('SD-4', 'reply'))!);
    expect(stored.value).toEqual({ text: 'On its way.', cc: ['carl@example.org'] });
    await userEvent.click(within(region).getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]!.body).toEqual({ body: 'On its way.', public: true, cc: ['carl@example.org'] });
    expect(added[0]!.key).toBe(stored.idempotencyKey);
    await waitFor(() => expect((within(region).getByRole('textbox', { name: 'Reply to the requester' }) as HTMLTextAreaElement).value).toBe(''));
    expect(sessionStorage.getItem(composerDraftKey('SD-4', 'reply'))).toBeNull();
    // The conversation is read again.
    expect(requests.filter((request) => request.path === '/tickets/SD-4').length).toBe(2);
  });

  it('keeps the text and cc after a network failure, and Retry sends the same key', async () => {
    const keys: (string | null)[] = [];
    renderTicket({
      'POST /tickets/SD-4/comments': (request) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length === 1 ? 'network' : { status: 201, body: { comment: {}, ticket: ticket() } };
      },
    });
    const region = await composer();
    const text = within(region).getByRole('textbox', { name: 'Reply to the requester' }) as HTMLTextAreaElement;
    await userEvent.type(text, 'Hello');
    await userEvent.click(within(region).getByRole('button', { name: 'Send reply' }));
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('could not be reached');
    expect(text.value).toBe('Hello');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[1]).toBe(keys[0]);
  });

  it('shows the API’s complaint about one cc address beside it', async () => {
    renderTicket({
      'POST /tickets/SD-4/comments': { status: 400, body: { error: { code: 'invalid', message: 'Invalid', details: [{ path: 'cc[0]', message: 'not an email address' }] } } },
    });
    const region = await composer();
    await userEvent.type(within(region).getByRole('textbox', { name: 'Reply to the requester' }), 'Hi');
    await userEvent.type(within(region).getByRole('textbox', { name: 'Cc' }), 'carl{Enter}');
    await userEvent.click(within(region).getByRole('button', { name: 'Send reply' }));
    const tag = await within(region).findByRole('row', { name: /carl/ });
    await waitFor(() => expect(tag.textContent).toContain('not an email address'));
  });

  it('writes an internal note without cc, and keeps each kind’s draft apart', async () => {
    sessionStorage.setItem(composerDraftKey('SD-4', 'reply'), JSON.stringify({ value: { text: 'Reply draft', cc: [] }, idempotencyKey: 'k-reply' }));
    sessionStorage.setItem(composerDraftKey('SD-4', 'note'), JSON.stringify({ value: { text: 'Note draft', cc: [] }, idempotencyKey: 'k-note' }));
    sessionStorage.setItem(composerDraftKey('SD-4', 'mode'), 'note');
    const added: { body: unknown; key: string | null }[] = [];
    renderTicket({
      'POST /tickets/SD-4/comments': (request) => {
        added.push({ body: request.body, key: request.headers.get('idempotency-key') });
        return { status: 201, body: { comment: {}, ticket: ticket() } };
      },
    });
    const region = await composer();
    expect((within(region).getByRole('radio', { name: 'Internal note' }) as HTMLInputElement).checked).toBe(true);
    expect((within(region).getByRole('textbox', { name: 'Internal note' }) as HTMLTextAreaElement).value).toBe('Note draft');
    expect(within(region).queryByRole('textbox', { name: 'Cc' })).toBeNull();
    await userEvent.click(within(region).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toEqual({ body: { body: 'Note draft', public: false }, key: 'k-note' });
    await waitFor(() => expect((within(region).getByRole('textbox', { name: 'Internal note' }) as HTMLTextAreaElement).value).toBe(''), { timeout: 5000 });
    await userEvent.click(within(region).getByRole('radio', { name: 'Public reply' }));
    expect((within(region).getByRole('textbox', { name: 'Reply to the requester' }) as HTMLTextAreaElement).value).toBe('Reply draft');
  });
});

describe('a change against a stale version', { timeout: 30_000 }, () => {
  it('shows what changed since the page loaded and by whom, and applies the change again only when asked', async () => {
    const patches: { body: unknown; ifMatch: string | null }[] = [];
    const newer = ticket({ priority: 'P1', version: 4, updatedAt: '2026-12-01T11:00:00.000Z' });
    const history: HistoryEvent[] = [
      {
        id: 'h9',
        ticketKey: 'SD-4',
        at: '2026-12-01T11:00:00.000Z',
        actor: { id: 'maria@example.com', kind: 'user', name: 'Maria Manager' },
        action: 'updated',
        changes: [{ field: 'priority', from: 'P2', to: 'P1' }],
      },
    ];
    let reads = 0;
    renderTicket({
      'GET /tickets/SD-4': () => ({ status: 200, body: { ticket: reads++ === 0 ? ticket() : newer, comments: [] } }),
      'GET /tickets/SD-4/history': () => ({ status: 200, body: { items: reads > 1 ? history : [] } }),
      'PATCH /tickets/SD-4': (request) => {
        patches.push({ body: request.body, ifMatch: request.headers.get('if-match') });
        return patches.length === 1
          ? { status: 412, body: { error: { code: 'precondition_failed', message: 'Stale', details: [] } } }
          : { status: 200, body: { ticket: ticket({ status: 'on_hold', version: 5 }) } };
      },
    });
    const actions = await screen.findByRole('region', { name: 'Actions' }, { timeout: 5000 });
    await userEvent.click(within(actions).getByRole('button', { name: /Status/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'On hold' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone changed this ticket' }, { timeout: 5000 });
    const row = within(dialog).getByRole('row', { name: /priority/ });
    expect(row.textContent).toBe('priorityP2P1Maria Manager');
    expect(patches).toEqual([{ body: { status: 'on_hold' }, ifMatch: '"3"' }]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply my change again' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toEqual({ body: { status: 'on_hold' }, ifMatch: '"4"' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });
});

describe('escalation', { timeout: 30_000 }, () => {
  it('sends the reason, and says so when there is nowhere to go', async () => {
    const sent: unknown[] = [];
    renderTicket({
      'POST /tickets/SD-4/escalate': (request) => {
        sent.push(request.body);
        return { status: 409, body: { error: { code: 'conflict', message: 'No level or desk after l2', details: [] } } };
      },
    });
    const actions = await screen.findByRole('region', { name: 'Actions' });
    await userEvent.click(within(actions).getByRole('button', { name: 'Escalate…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Escalate SD-4' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Needs a technician');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('There is nowhere to escalate this ticket to.');
    expect(sent).toEqual([{ reason: 'Needs a technician' }]);
  });
});

describe('the ticket view’s shortcuts', { timeout: 30_000 }, () => {
  it('goes to the next and the previous ticket of the queue it was opened from with j and k', async () => {
    const { router } = renderTicket({}, [{ key: 'SD-3' }, { key: 'SD-4' }, { key: 'SD-5' }]);
    await screen.findByRole('link', { name: 'Next: SD-5' });
    await userEvent.keyboard('j');
    await waitFor(() => expect(router.state.location.pathname).toBe('/console/tickets/SD-5'));
    expect(router.state.location.state).toEqual({ queue: '/console?desk=it&level=l1' });
    await router.navigate('/console/tickets/SD-4', { state: { queue: '/console?desk=it&level=l1' } });
    await screen.findByRole('link', { name: 'Previous: SD-3' });
    await userEvent.keyboard('k');
    await waitFor(() => expect(router.state.location.pathname).toBe('/console/tickets/SD-3'));
  });
});
