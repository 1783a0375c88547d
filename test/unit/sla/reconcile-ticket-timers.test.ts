import { describe, expect, it } from 'vitest';
import { desiredTimers } from '../../../shared/domain/sla.ts';
import { timerName, type SlaTimer } from '../../../shared/domain/sla-timer.ts';
import type { Ticket } from '../../../shared/domain/ticket.ts';
import type { ListableTimerScheduler } from '../../../shared/ports/timer-scheduler.ts';
import { reconcileTicketTimers, sweepSlaTimers } from '../../../shared/use-cases/reconcile-sla-timers.ts';
import type { TicketListQuery } from '../../../shared/ports/ticket-store.ts';

/** Schedules held by name, as the scheduler holds them. */
function schedulerHolding(names: string[]): ListableTimerScheduler & { held: Set<string> } {
  const held = new Set(names);
  return {
    held,
    schedule: async (timer: SlaTimer) => (held.has(timerName(timer)) ? 'exists' : (held.add(timerName(timer)), 'created')),
    cancel: async (name: string) => (held.delete(name) ? 'deleted' : 'absent'),
    names: async (prefix: string) => [...held].filter((name) => name.startsWith(prefix)),
  };
}

const ticket = {
  key: 'SD-1',
  sla: {
    policy: 'standard',
    version: 3,
    clocks: [
      { metric: 'first_response', due: { 75: '2026-11-23T09:45:00.000Z', 100: '2026-11-23T10:00:00.000Z' } },
      { metric: 'resolution', due: { 100: '2026-11-24T10:00:00.000Z' } },
    ],
  },
} as unknown as Ticket;

describe("reconciling a ticket's SLA timers", () => {
  it('creates the timers its state asks for that are missing, and deletes those of older versions, leaving other tickets alone', async () => {
    const wanted = desiredTimers('SD-1', ticket.sla).map(timerName);
    const scheduler = schedulerHolding([wanted[0]!, 'sla.SD-1.fr.100.v2', 'sla.SD-10.fr.75.v1']);
    expect(await reconcileTicketTimers(scheduler, ticket)).toEqual({ created: 2, deleted: 1 });
    expect([...scheduler.held].sort()).toEqual([...wanted, 'sla.SD-10.fr.75.v1'].sort());
    expect(await reconcileTicketTimers(scheduler, ticket)).toEqual({ created: 0, deleted: 0 });
  });

  it('deletes every timer of a ticket without an SLA', async () => {
    const scheduler = schedulerHolding(['sla.SD-1.res.100.v1']);
    expect(await reconcileTicketTimers(scheduler, { ...ticket, sla: undefined } as unknown as Ticket)).toEqual({ created: 0, deleted: 1 });
    expect(scheduler.held.size).toBe(0);
  });
});

describe('the daily sweep', () => {
  it('reconciles every active ticket of every desk, page by page through the queue index', async () => {
    const wanted = desiredTimers('SD-1', ticket.sla).map(timerName);
    const scheduler = schedulerHolding(['sla.SD-1.fr.100.v2']);
    const queries: TicketListQuery[] = [];
    const pages: Record<string, { items: Ticket[]; nextCursor?: string }[]> = {
      it: [{ items: [ticket], nextCursor: 'c1' }, { items: [{ ...ticket, key: 'SD-2', sla: undefined } as unknown as Ticket] }],
      hr: [{ items: [] }],
    };
    const store = {
      listTickets: async (query: TicketListQuery) => {
        queries.push(query);
        return pages[query.desk!]!.shift()!;
      },
    };
    const config = { desks: [{ id: 'it' }, { id: 'hr' }] } as never;
    expect(await sweepSlaTimers({ config, store, scheduler })).toEqual({ tickets: 2, created: wanted.length, deleted: 1 });
    expect([...scheduler.held].sort()).toEqual([...wanted].sort());
    expect(queries.map((query) => [query.desk, query.cursor, query.statuses])).toEqual([
      ['it', undefined, ['pending_approval', 'new', 'open', 'pending', 'on_hold']],
      ['it', 'c1', ['pending_approval', 'new', 'open', 'pending', 'on_hold']],
      ['hr', undefined, ['pending_approval', 'new', 'open', 'pending', 'on_hold']],
    ]);
  });
});
