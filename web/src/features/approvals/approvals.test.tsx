import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { screenRoutes } from '../../test/screen-routes';
import { fakeApi, type FakeAnswer, type FakeRoute } from '../../lib/api/testing/fake-api';
import type { ApprovalInboxItem } from './api/approvals-api';
import { approvalsAction, approvalsLoader, Component as Approvals, shouldRevalidate } from './routes/approvals';

afterEach(cleanup);

function item(overrides: Partial<ApprovalInboxItem> = {}): ApprovalInboxItem {
  return {
    key: 'SD-3',
    subject: 'ERP access',
    requester: { email: 'jane@example.org', name: 'Jane Doe' },
    catalogItem: { id: 'it-access-request', name: 'Request system access' },
    status: 'pending_approval',
    step: { index: 0, label: "Requester's manager", kind: 'requester_manager' },
    requestedAt: '2026-12-01T09:00:00.000Z',
    waitingSince: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

function renderApprovals(routes: Record<string, FakeRoute | FakeAnswer>) {
  const api = fakeApi(routes);
  const router = createMemoryRouter(screenRoutes([{ path: '/approvals', Component: Approvals, loader: approvalsLoader(api.source), action: approvalsAction(api.source), shouldRevalidate }]), {
    initialEntries: ['/approvals'],
  });
  render(<RouterProvider router={router} />);
  return api;
}

/** An inbox that loses each item once it is decided, as the API's does. */
function inbox(items: ApprovalInboxItem[], decide: FakeRoute = () => ({ status: 200, body: {} })) {
  let waiting = items;
  const routes: Record<string, FakeRoute> = { 'GET /me/approvals': () => ({ status: 200, body: { items: waiting } }) };
  for (const { key } of items) {
    routes[`POST /tickets/${key}/approval`] = async (request) => {
      const answer = await decide(request);
      if (answer !== 'network' && answer.status === 200) waiting = waiting.filter((other) => other.key !== key);
      return answer;
    };
  }
  return routes;
}

const card = (name: string) => screen.findByRole('article', { name });

describe('approvals', () => {
  it('shows what each request asks for: title, requester, catalog item and the step', async () => {
    renderApprovals(inbox([item(), item({ key: 'SD-4', subject: 'CRM access', catalogItem: undefined, requester: { email: 'rita@example.org' } })]));
    const first = await card('SD-3: ERP access');
    expect(first.textContent).toContain('Jane Doe <jane@example.org>');
    expect(first.textContent).toContain('Request system access');
    expect(first.textContent).toContain("Requester's manager");
    expect(within(first).getByRole('link', { name: 'Read request SD-3' }).getAttribute('href')).toBe('/requests/SD-3');
    expect((await card('SD-4: CRM access')).textContent).toContain('rita@example.org');
  });

  it('approves with the comment given, and the decided request leaves the list with a status message', async () => {
    const { requests } = renderApprovals(inbox([item(), item({ key: 'SD-4', subject: 'CRM access' })]));
    const first = await card('SD-3: ERP access');
    await userEvent.type(within(first).getByRole('textbox', { name: 'Comment' }), 'Needed for Q4');
    await userEvent.click(within(first).getByRole('button', { name: 'Approve SD-3' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('SD-3 approved.'));
    expect(screen.queryByRole('article', { name: 'SD-3: ERP access' })).toBeNull();
    expect(screen.getByRole('article', { name: 'SD-4: CRM access' })).toBeTruthy();
    const post = requests.find((request) => request.method === 'POST')!;
    expect(post.path).toBe('/tickets/SD-3/approval');
    expect(post.body).toEqual({ decision: 'approve', comment: 'Needed for Q4' });
  });

  it('approves without a comment', async () => {
    const { requests } = renderApprovals(inbox([item()]));
    await userEvent.click(within(await card('SD-3: ERP access')).getByRole('button', { name: 'Approve SD-3' }));
    expect(await screen.findByText('Nothing is waiting for your decision.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')!.body).toEqual({ decision: 'approve' });
  });

  it('needs the reason to reject: the error is beside the comment and nothing is sent', async () => {
    const { requests } = renderApprovals(inbox([item()]));
    const first = await card('SD-3: ERP access');
    await userEvent.click(within(first).getByRole('button', { name: 'Reject SD-3' }));
    const field = within(first).getByRole('textbox', { name: 'Comment' });
    const error = within(first).getByText('Give the reason for the rejection: the requester reads it.');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await userEvent.type(field, 'Not in your role');
    await userEvent.click(within(first).getByRole('button', { name: 'Reject SD-3' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('SD-3 rejected.'));
    expect(requests.find((request) => request.method === 'POST')!.body).toEqual({ decision: 'reject', comment: 'Not in your role' });
  });

  it("shows the API's refusal beside the controls when someone else decided first, and keeps the request", async () => {
    renderApprovals(inbox([item()], () => ({ status: 409, body: { error: { code: 'conflict', message: 'Ticket SD-3 is not waiting for an approval', details: [] } } })));
    const first = await card('SD-3: ERP access');
    await userEvent.type(within(first).getByRole('textbox', { name: 'Comment' }), 'Fine by me');
    await userEvent.click(within(first).getByRole('button', { name: 'Approve SD-3' }));
    const alert = await within(first).findByRole('alert');
    expect(alert.textContent).toContain('already decided');
    expect((within(first).getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('Fine by me');
    // The page clears its "Sending…" once the refusal has arrived, in the render after the card's.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
  });

  it('shows a reason the API refuses beside the comment', async () => {
    renderApprovals(
      inbox([item()], () => ({ status: 400, body: { error: { code: 'validation_failed', message: 'The approval is invalid', details: [{ path: 'comment', message: 'give the reason for a rejection' }] } } })),
    );
    const first = await card('SD-3: ERP access');
    await userEvent.type(within(first).getByRole('textbox', { name: 'Comment' }), ' x');
    await userEvent.click(within(first).getByRole('button', { name: 'Reject SD-3' }));
    const error = await within(first).findByText('give the reason for a rejection');
    expect(within(first).getByRole('textbox', { name: 'Comment' }).getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  });
});
