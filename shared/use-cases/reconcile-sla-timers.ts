import { desiredTimers } from '../domain/sla.ts';
import { reconcileTimers, timerName } from '../domain/sla-timer.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { Ticket } from '../domain/ticket.ts';
import { ACTIVE_STATUSES } from '../domain/ticket-status.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import type { ListableTimerScheduler, TimerScheduler } from '../ports/timer-scheduler.ts';

export interface TimerReconciliation {
  created: number;
  deleted: number;
}

/**
 * Makes the scheduled timers follow a ticket change (from the stream's old and new images): the
 * timers the new SLA state needs and the old one did not are created, the others deleted. Names are
 * deterministic, so a redelivered change finds its timers already there ('exists') or gone ('absent').
 */
export async function reconcileSlaTimers(scheduler: TimerScheduler, before: Ticket | undefined, after: Ticket | undefined): Promise<TimerReconciliation> {
  const key = after?.key ?? before?.key;
  if (!key) return { created: 0, deleted: 0 };
  const changes = reconcileTimers(desiredTimers(key, before?.sla), desiredTimers(key, after?.sla));
  await Promise.all(changes.delete.map((name) => scheduler.cancel(name)));
  await Promise.all(changes.create.map((timer) => scheduler.schedule(timer)));
  return { created: changes.create.length, deleted: changes.delete.length };
}

/**
 * Makes a ticket's scheduled timers exactly what its SLA state asks for, whatever happened before:
 * for a ticket whose change the stream consumer could not follow (its record is in the failure
 * queue). Lists the ticket's schedules by name prefix, creates the missing, deletes the others.
 */
export async function reconcileTicketTimers(scheduler: ListableTimerScheduler, ticket: Ticket): Promise<TimerReconciliation> {
  const desired = desiredTimers(ticket.key, ticket.sla);
  const wanted = new Set(desired.map(timerName));
  const existing = new Set(await scheduler.names(`sla.${ticket.key}.`));
  const extra = [...existing].filter((name) => !wanted.has(name));
  const missing = desired.filter((timer) => !existing.has(timerName(timer)));
  await Promise.all(extra.map((name) => scheduler.cancel(name)));
  await Promise.all(missing.map((timer) => scheduler.schedule(timer)));
  return { created: missing.length, deleted: extra.length };
}

/** Tickets read per page of a desk's queue while sweeping. */
const SWEEP_PAGE = 100;

export interface TimerSweepDeps {
  config: ServiceDeskConfig;
  store: Pick<TicketStore, 'listTickets'>;
  scheduler: ListableTimerScheduler;
}

export interface TimerSweep extends TimerReconciliation {
  tickets: number;
}

/**
 * Reconciles the timers of every active ticket, desk by desk through the queue index (no Scan):
 * the daily safety net for a ticket change the stream consumer could not follow. Resolved and
 * closed tickets need none: a timer left behind for one fires into a newer SLA version and is ignored.
 */
export async function sweepSlaTimers(deps: TimerSweepDeps): Promise<TimerSweep> {
  const total: TimerSweep = { tickets: 0, created: 0, deleted: 0 };
  for (const desk of deps.config.desks) {
    let cursor: string | undefined;
    do {
      const page = await deps.store.listTickets({ desk: desk.id, statuses: ACTIVE_STATUSES, limit: SWEEP_PAGE, ...(cursor ? { cursor } : {}) });
      for (const ticket of page.items) {
        const done = await reconcileTicketTimers(deps.scheduler, ticket);
        total.tickets += 1;
        total.created += done.created;
        total.deleted += done.deleted;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return total;
}
