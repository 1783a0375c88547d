import type { components } from '../lib/api/schema';

type Ticket = components['schemas']['Ticket'];

/** A ticket as the API answers it, for screen tests: an open incident of Rita's at IT level 1; overrides win. */
export function apiTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    key: 'SD-1',
    type: 'incident',
    subject: 'Laptop screen stays black',
    description: '',
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
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T10:30:00.000Z',
    version: 1,
    ...overrides,
  } as Ticket;
}
