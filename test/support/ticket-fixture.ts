import type { Ticket } from '../../shared/domain/ticket.ts';

export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    key: 'SD-1',
    type: 'incident',
    subject: 'Printer on floor 3 jams',
    description: 'Every second page jams.',
    requester: { email: 'requester@example.org', name: 'Rita Requester' },
    status: 'new',
    priority: 'P3',
    category: [],
    desk: 'it',
    level: 'l1',
    tags: [],
    customFields: {},
    channel: 'api',
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
