import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { Invitation } from '../domain/invitation.ts';
import { commentNotification, invitationNotification, ticketNotifications } from '../domain/notifications.ts';
import type { Comment, Ticket } from '../domain/ticket.ts';
import type { NotificationQueue } from '../ports/notification-queue.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import type { TimerScheduler } from '../ports/timer-scheduler.ts';
import { reconcileSlaTimers, type TimerReconciliation } from './reconcile-sla-timers.ts';

export interface TicketChangeDeps {
  config: ServiceDeskConfig;
  store: Pick<TicketStore, 'getTicket'>;
  scheduler: TimerScheduler;
  notifications: NotificationQueue;
  /** The web app's public URL, which invitations link to (PUBLIC_WEB_URL). */
  webUrl?: string;
}

/**
 * What follows from a ticket change, driven by the stream: the SLA timers follow the new state and
 * the mails it calls for are queued. Both are idempotent, so a redelivered change does no harm.
 */
export async function followTicketChange(deps: TicketChangeDeps, before: Ticket | undefined, after: Ticket | undefined): Promise<TimerReconciliation & { queued: number }> {
  const timers = await reconcileSlaTimers(deps.scheduler, before, after);
  const notifications = after ? ticketNotifications(before, after, deps.config) : [];
  if (notifications.length) await deps.notifications.enqueue(notifications);
  return { ...timers, queued: notifications.length };
}

/** A new public agent reply is mailed to the requester. */
export async function followNewComment(deps: TicketChangeDeps, comment: Comment): Promise<number> {
  if (!comment.public) return 0;
  const ticket = await deps.store.getTicket(comment.ticketKey);
  const notification = ticket && commentNotification(ticket, comment, deps.config);
  if (!notification) return 0;
  await deps.notifications.enqueue([notification]);
  return 1;
}

/** A new or repeated invitation is mailed to the person it invites. */
export async function followInvitation(deps: TicketChangeDeps, invitation: Invitation): Promise<number> {
  if (!deps.webUrl) throw new Error('Invitations link to the web app: set PUBLIC_WEB_URL');
  const notification = invitationNotification(invitation, deps.config, deps.webUrl);
  if (!notification) return 0;
  await deps.notifications.enqueue([notification]);
  return 1;
}
