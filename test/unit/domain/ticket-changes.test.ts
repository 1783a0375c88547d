import { describe, expect, it } from 'vitest';
import { applyTicketChanges } from '../../../shared/domain/ticket-changes.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

const NOW = '2026-11-03T10:00:00.000Z';

describe('applying changes to a ticket', () => {
  it('records each changed field with its old and new value and bumps the version', () => {
    const { ticket, changes } = applyTicketChanges(aTicket(), { status: 'open', priority: 'P1', tags: ['vip', 'vip'] }, NOW);
    expect(changes).toEqual([
      { field: 'tags', from: [], to: ['vip'] },
      { field: 'priority', from: 'P3', to: 'P1' },
      { field: 'status', from: 'new', to: 'open' },
    ]);
    expect(ticket).toMatchObject({ status: 'open', priority: 'P1', tags: ['vip'], version: 2, updatedAt: NOW });
  });

  it('changes nothing and keeps the version when every value is already set', () => {
    const original = aTicket({ priority: 'P2' });
    const { ticket, changes } = applyTicketChanges(original, { priority: 'P2', tags: [] }, NOW);
    expect(changes).toEqual([]);
    expect(ticket).toBe(original);
  });

  it('refuses a transition the workflow does not allow, naming the status field', () => {
    try {
      applyTicketChanges(aTicket({ status: 'closed' }), { status: 'open' }, NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details).toEqual([{ path: 'status', message: 'a closed ticket is final' }]);
    }
  });

  it('derives the priority from impact and urgency when no priority is given', () => {
    const { ticket } = applyTicketChanges(aTicket(), { impact: 'high', urgency: 'high' }, NOW);
    expect(ticket.priority).toBe('P1');
  });

  it('keeps an explicit priority over the matrix', () => {
    const { ticket } = applyTicketChanges(aTicket(), { impact: 'high', urgency: 'high', priority: 'P4' }, NOW);
    expect(ticket.priority).toBe('P4');
  });

  it('stamps resolution and closure, and clears the resolution when reopened', () => {
    const resolved = applyTicketChanges(aTicket({ status: 'open' }), { status: 'resolved' }, NOW).ticket;
    expect(resolved.resolvedAt).toBe(NOW);
    const reopened = applyTicketChanges(resolved, { status: 'open' }, '2026-11-04T10:00:00.000Z');
    expect(reopened.ticket.resolvedAt).toBeUndefined();
    expect(reopened.changes).toContainEqual({ field: 'resolvedAt', from: NOW, to: null });
    const closed = applyTicketChanges(aTicket({ status: 'open' }), { status: 'closed' }, NOW).ticket;
    expect(closed).toMatchObject({ closedAt: NOW, resolvedAt: NOW });
  });

  it('unassigns with null and removes custom fields set to null', () => {
    const { ticket, changes } = applyTicketChanges(
      aTicket({ assignee: 'alice.agent@example.com', customFields: { asset: 'LAP-1', floor: 3 } }),
      { assignee: null, customFields: { asset: null, floor: 4 } },
      NOW,
    );
    expect(ticket.assignee).toBeUndefined();
    expect(ticket.customFields).toEqual({ floor: 4 });
    expect(changes).toEqual([
      { field: 'assignee', from: 'alice.agent@example.com', to: null },
      { field: 'customFields.asset', from: 'LAP-1', to: null },
      { field: 'customFields.floor', from: 3, to: 4 },
    ]);
  });

  it("reads only the ticket's own custom fields, not members every object has", () => {
    const { changes } = applyTicketChanges(aTicket(), { customFields: { toString: null, valueOf: 'x' } }, NOW);
    expect(changes).toEqual([{ field: 'customFields.valueOf', from: null, to: 'x' }]);
  });

  it('refuses custom fields that would grow past 64 KB, naming them', () => {
    const fields = (prefix: string) => Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`${prefix}${index}`, 'x'.repeat(2000)]));
    const ticket = aTicket({ customFields: fields('first') });
    try {
      applyTicketChanges(ticket, { customFields: fields('second') }, NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details).toEqual([{ path: 'customFields', message: 'take at most 64 KB in all' }]);
    }
  });
});
