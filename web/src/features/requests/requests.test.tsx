import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { screenRoutes } from '../../test/screen-routes';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import type { Comment, Ticket } from './api/requests-api';
import { Component as MyRequests, myRequestsLoader } from './routes/my-requests';
import { Component as RequestView, ErrorBoundary, requestViewAction, requestViewLoader, shouldRevalidate } from './routes/request-view';
import { apiTicket } from '../../test/api-ticket';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return apiTicket({
    type: 'service_request',
    subject: 'Printer on floor 3 jams',
    description: 'It jams on every second page.',
    requester: { email: 'jane@example.org', name: 'Jane' },
    status: 'open',
    ...overrides,
  });
}

function comment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'c1',
    ticketKey: 'SD-1',
    author: { email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent' },
    public: true,
    body: 'A technician is on the way.',
    attachments: [],
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

function renderApp(routes: Record<string, FakeRoute | FakeAnswer>, path: string, storage: typeof fetch = async () => new Response(null, { status: 204 })) {
  const api = fakeApi({ 'GET /catalog': { status: 200, body: { catalog: [] } }, ...routes });
  const router = createMemoryRouter(
    screenRoutes([
      { path: '/', element: <h1>Catalog</h1> },
      { path: '/requests', Component: MyRequests, loader: myRequestsLoader(api.source) },
      {
        path: '/requests/:key',
        Component: RequestView,
        ErrorBoundary,
        loader: requestViewLoader(api.source),
        action: requestViewAction(api.source, storage),
        shouldRevalidate,
      },
    ]),
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return { ...api, router };
}

describe('my requests', () => {
  it('lists each request with its key, title, status and what the desk waits for', async () => {
    const { requests } = renderApp(
      {
        'GET /tickets': {
          status: 200,
          body: {
            items: [
              ticket({ key: 'SD-3', subject: 'Which toner?', status: 'pending', waitingOn: 'requester' }),
              ticket({ key: 'SD-2', subject: 'ERP access', status: 'pending_approval', waitingOn: 'approval' }),
              ticket({ key: 'SD-1', subject: 'Printer on floor 3 jams', status: 'open', waitingOn: 'desk' }),
            ],
          },
        },
      },
      '/requests',
    );
    const list = await screen.findByRole('list', { name: 'My requests' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('link', { name: 'SD-3 Which toner?' }).getAttribute('href')).toBe('/requests/SD-3');
    expect(rows[0]!.textContent).toContain('Pending');
    expect(rows[0]!.textContent).toContain('Waiting for your reply');
    expect(rows[1]!.textContent).toContain('Awaiting approval');
    expect(rows[1]!.textContent).toContain('Waiting for approval');
    expect(rows[2]!.textContent).toContain('In progress');
    expect(rows[2]!.textContent).toContain('With the service desk');
    // Open requests by default: the API's active statuses.
    expect(requests[0]!.search.get('status')).toBe('active');
    expect(screen.getByRole('link', { name: 'Open' }).getAttribute('aria-current')).toBe('page');
  });

  it('filters by resolved requests and shows more on request', async () => {
    const { requests } = renderApp(
      {
        'GET /tickets': (request) =>
          request.search.get('cursor')
            ? { status: 200, body: { items: [ticket({ key: 'SD-1', subject: 'Older', status: 'closed', waitingOn: undefined })] } }
            : { status: 200, body: { items: [ticket({ key: 'SD-5', subject: 'Newer', status: 'resolved', waitingOn: undefined })], nextCursor: 'next' } },
      },
      '/requests?filter=resolved',
    );
    await screen.findByRole('link', { name: 'SD-5 Newer' });
    expect(requests[0]!.search.get('status')).toBe('resolved,closed');
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('link', { name: 'SD-1 Older' });
    expect(requests.at(-1)!.search.get('cursor')).toBe('next');
    expect(screen.getByRole('link', { name: 'SD-5 Newer' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('1 more requests shown');
  });

  it('offers the catalog when there is nothing to show', async () => {
    renderApp({ 'GET /tickets': { status: 200, body: { items: [] } } }, '/requests');
    expect(await screen.findByText('You have no open requests.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ask for help or request something' }).getAttribute('href')).toBe('/');
  });
});

describe('the request view', () => {
  it('shows the request, its answers and the public conversation, never an internal note', async () => {
    renderApp(
      {
        'GET /catalog': {
          status: 200,
          body: {
            catalog: [
              {
                id: 'it',
                name: 'IT',
                pinned: false,
                type: 'incident',
                requiresApproval: false,
                form: [],
                children: [
                  { id: 'it-printer', name: 'Printer problem', pinned: false, type: 'incident', requiresApproval: false, form: [{ id: 'room', label: 'Room', type: 'text', required: true }], children: [] },
                ],
              },
            ],
          },
        },
        'GET /tickets/SD-1': {
          status: 200,
          body: {
            ticket: ticket({ catalogItem: 'it-printer', customFields: { room: '3.14', urgentToday: true } }),
            comments: [
              comment({ id: 'c1', body: 'A technician is on the way.' }),
              comment({ id: 'c2', public: false, body: 'Toner sensor is dirty; internal only.' }),
              comment({
                id: 'c3',
                author: { email: 'jane@example.org', name: 'Jane', role: 'requester' },
                body: 'Thanks!',
                attachments: [{ name: 'photo.jpg', contentType: 'image/jpeg', size: 2048, location: `attachments/${'a'.repeat(32)}/0/photo.jpg` }],
              }),
            ],
          },
        },
      },
      '/requests/SD-1',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'SD-1: Printer on floor 3 jams' })).toBeTruthy();
    expect(screen.getByText('In progress')).toBeTruthy();
    expect(screen.getByText('With the service desk')).toBeTruthy();
    expect(screen.getByText('Printer problem')).toBeTruthy();
    expect(screen.getByText('Room').nextElementSibling?.textContent).toBe('3.14');
    expect(screen.getByText('urgentToday').nextElementSibling?.textContent).toBe('Yes');

    const conversation = screen.getByRole('region', { name: 'Conversation' });
    const comments = within(conversation).getAllByRole('article');
    expect(comments).toHaveLength(2);
    expect(within(comments[0]!).getByRole('heading', { level: 3 }).textContent).toContain('Alice Agent');
    expect(within(comments[1]!).getByRole('heading', { level: 3 }).textContent).toContain('You');
    expect(within(comments[1]!).getByRole('button', { name: 'Download photo.jpg' })).toBeTruthy();
    expect(screen.queryByText(/Toner sensor/)).toBeNull();
    expect(document.body.textContent).not.toContain('internal only');
  });

  it("says a request that does not exist, or is not the caller's, does not exist or is not theirs", async () => {
    renderApp({}, '/requests/SD-99');
    expect(await screen.findByText('This request does not exist or is not yours.')).toBeTruthy();
  });

  it('keeps the text of a reply that failed to send, and sends it again with the same key', async () => {
    let attempts = 0;
    const { requests } = renderApp(
      {
        'GET /tickets/SD-1': { status: 200, body: { ticket: ticket(), comments: [] } },
        'POST /tickets/SD-1/comments': () => (++attempts === 1 ? 'network' : { status: 201, body: { comment: comment({ id: 'c9', body: 'It still jams.' }), ticket: ticket() } }),
      },
      '/requests/SD-1',
    );
    const field = await screen.findByRole('textbox', { name: 'Your reply' });
    await userEvent.type(field, 'It still jams.');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your text is kept');
    expect((screen.getByRole('textbox', { name: 'Your reply' }) as HTMLTextAreaElement).value).toBe('It still jams.');
    expect(JSON.parse(sessionStorage.getItem('servicedesk.reply-draft.SD-1')!).value).toBe('It still jams.');

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Your reply was sent.'));
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts.map((post) => post.body)).toEqual([
      { body: 'It still jams.', public: true },
      { body: 'It still jams.', public: true },
    ]);
    expect(posts[0]!.headers.get('idempotency-key')).toBeTruthy();
    expect(posts[1]!.headers.get('idempotency-key')).toBe(posts[0]!.headers.get('idempotency-key'));
    expect((screen.getByRole('textbox', { name: 'Your reply' }) as HTMLTextAreaElement).value).toBe('');
    expect(sessionStorage.getItem('servicedesk.reply-draft.SD-1')).toBeNull();
  });

  it('restores a draft kept before a sign-in redirect', async () => {
    sessionStorage.setItem('servicedesk.reply-draft.SD-1', JSON.stringify({ value: 'Half written', idempotencyKey: 'k1' }));
    renderApp({ 'GET /tickets/SD-1': { status: 200, body: { ticket: ticket(), comments: [] } } }, '/requests/SD-1');
    expect(((await screen.findByRole('textbox', { name: 'Your reply' })) as HTMLTextAreaElement).value).toBe('Half written');
  });

  it('asks to confirm a resolved request, and needs a comment to reopen it', async () => {
    let status: Ticket['status'] = 'resolved';
    const { requests } = renderApp(
      {
        'GET /tickets/SD-1': () => ({ status: 200, body: { ticket: ticket({ status, waitingOn: undefined }), comments: [] } }),
        'POST /tickets/SD-1/resolution': (request) => {
          status = (request.body as { decision: string }).decision === 'confirm' ? 'closed' : 'open';
          return { status: 200, body: { ticket: ticket({ status }) } };
        },
      },
      '/requests/SD-1',
    );
    expect(await screen.findByRole('heading', { name: 'Is your request solved?' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'No, reopen it' }));
    const field = screen.getByRole('textbox', { name: 'What is still wrong?' });
    const error = screen.getByText('Tell us what is still wrong to reopen the request.');
    // The error is the field's own: described by it, and the field is marked invalid.
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Yes, close it' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Thank you. The request is closed.'));
    expect(requests.find((request) => request.method === 'POST')!.body).toEqual({ decision: 'confirm' });
    // The view read the ticket again: closed, nothing more to answer.
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Is your request solved?' })).toBeNull());
    expect(screen.getByText('Closed')).toBeTruthy();
  });

  it('reopens a resolved request with what is still wrong', async () => {
    const { requests } = renderApp(
      {
        'GET /tickets/SD-1': { status: 200, body: { ticket: ticket({ status: 'resolved', waitingOn: undefined }), comments: [] } },
        'POST /tickets/SD-1/resolution': { status: 200, body: { ticket: ticket() } },
      },
      '/requests/SD-1',
    );
    await userEvent.type(await screen.findByRole('textbox', { name: 'What is still wrong?' }), 'Still jams on page two.');
    await userEvent.click(screen.getByRole('button', { name: 'No, reopen it' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The request is open again.'));
    expect(requests.find((request) => request.method === 'POST')!.body).toEqual({ decision: 'reopen', comment: 'Still jams on page two.' });
  });

  it('sends chosen files through the upload route and attaches them to the reply', async () => {
    const stored: FormData[] = [];
    const storage = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      stored.push(init!.body as FormData);
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const { requests } = renderApp(
      {
        'GET /tickets/SD-1': { status: 200, body: { ticket: ticket(), comments: [] } },
        'POST /uploads': {
          status: 201,
          body: { uploadId: '01JABCDEFGHJKMNPQRSTVWXYZ0', url: 'https://uploads.test/', fields: { key: 'uploads/x', policy: 'p' }, maxBytes: 10_000_000, expiresAt: '2026-12-01T11:00:00.000Z' },
        },
        'POST /tickets/SD-1/comments': { status: 201, body: { comment: comment(), ticket: ticket() } },
      },
      '/requests/SD-1',
      storage,
    );
    await userEvent.type(await screen.findByRole('textbox', { name: 'Your reply' }), 'The error screen.');
    // eslint-disable-next-line testing-library/no-node-access -- the file input is hidden behind its button, and upload needs the input itself
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, new File(['png-bytes'], 'screen.png', { type: 'image/png' }));
    const files = await screen.findByRole('list', { name: 'Files to send' });
    expect(within(files).getByRole('button', { name: 'Remove screen.png' })).toBeTruthy();
    await waitFor(() => expect(files.textContent).not.toContain('Uploading'));
    expect(requests.find((request) => request.path === '/uploads')!.body).toEqual({ fileName: 'screen.png', contentType: 'image/png', size: 9 });
    // The form's fields first, the file last.
    expect([...stored[0]!.keys()]).toEqual(['key', 'policy', 'file']);

    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Your reply was sent.'));
    expect(requests.find((request) => request.path === '/tickets/SD-1/comments')!.body).toEqual({ body: 'The error screen.', public: true, attachments: ['01JABCDEFGHJKMNPQRSTVWXYZ0'] });
    expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
  });
});
