import type { Notification } from '../domain/notifications.ts';

/** Where notifications wait to be sent: the `notifications` queue on AWS, a local queue in `npm start`. */
export interface NotificationQueue {
  enqueue(notifications: readonly Notification[]): Promise<void>;
}
