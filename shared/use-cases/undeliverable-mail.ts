import type { Ticket } from '../domain/ticket.ts';
import { permanentFailures, type DeliveryReport } from '../email/delivery-report.ts';
import { cutText } from '../email/kept-mail-text.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import type { UndeliverableAddresses } from '../ports/undeliverable-addresses.ts';

/** How long a hard bounce keeps an address out of notifications, unless its owner writes in first. */
const UNDELIVERABLE_DAYS = 90;

export interface UndeliverableMailDeps {
  store: Pick<TicketStore, 'findClaim'>;
  undeliverable: UndeliverableAddresses;
  now: () => Date;
}

/**
 * After a bounce of a message this desk sent on the ticket, marks the ticket's people it failed
 * for permanently, so the next notifications leave them out. A report that returns no message of
 * this ticket (a forged one, say) marks nobody, and nor does a failure for anyone else.
 */
export async function markBouncedRecipients(deps: UndeliverableMailDeps, ticket: Ticket, report: DeliveryReport): Promise<void> {
  if (!report.originalMessageId) return;
  const returned = await deps.store.findClaim('mail', report.originalMessageId);
  if (returned?.ticketKey !== ticket.key) return;
  const people = new Set([ticket.requester.email, ...(ticket.watchers ?? [])].map((address) => address.toLowerCase()));
  const failures = permanentFailures(report.outcomes).filter((outcome) => people.has(outcome.recipient));
  const now = deps.now();
  const until = new Date(now.getTime() + UNDELIVERABLE_DAYS * 86_400_000);
  await Promise.all(
    failures.map((failure) =>
      deps.undeliverable.mark(
        {
          address: failure.recipient,
          bouncedAt: now.toISOString(),
          ticketKey: ticket.key,
          ...(failure.status ? { status: failure.status } : {}),
          ...(failure.diagnostic ? { diagnostic: cutText(failure.diagnostic, 500) } : {}),
        },
        until,
      ),
    ),
  );
}

/** Mail from an address shows its mailbox is in use again: its mark, if any, is lifted. */
export async function liftUndeliverable(deps: UndeliverableMailDeps, address: string): Promise<void> {
  const now = deps.now();
  const [mark] = await deps.undeliverable.find([address], now);
  if (mark) await deps.undeliverable.clear(address, now);
}
