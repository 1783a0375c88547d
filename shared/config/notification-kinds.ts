/** What the desk mails people about; each kind has its templates (shared/email/notification-templates.ts). */
export const NOTIFICATION_KINDS = ['acknowledgement', 'public_reply', 'status_changed', 'resolved', 'assigned', 'sla', 'approval_request', 'invitation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
