import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { SlaAction, SlaRecipient } from '../config/sla-schema.ts';
import type { SlaMetric } from './sla-timer.ts';
import type { Comment, Ticket } from './ticket.ts';

export type NotificationKind = 'acknowledgement' | 'public_reply' | 'status_changed' | 'resolved' | 'assigned' | 'sla';

/** A mail to send about a ticket. The id is deterministic, so a change seen twice sends once. */
export interface Notification {
  id: string;
  ticketKey: string;
  kind: NotificationKind;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** Mails to the requester carry the signed reply address, so answers thread. */
  toRequester: boolean;
}

const METRIC_NAMES: Record<SlaMetric, string> = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' };
const STATUS_NAMES: Record<Ticket['status'], string> = {
  pending_approval: 'waiting for approval',
  new: 'new',
  open: 'being worked on',
  pending: 'waiting for your answer',
  on_hold: 'on hold',
  resolved: 'resolved',
  closed: 'closed',
};

const greeting = (ticket: Ticket) => `Hello ${ticket.requester.name ?? ticket.requester.email},`;
const footer = (ticket: Ticket, config: ServiceDeskConfig) =>
  `--\nTicket ${ticket.key}: ${ticket.subject}\nReply to this mail to add to the ticket.\n${config.email?.name ?? 'Service desk'}`;

function toRequester(ticket: Ticket, config: ServiceDeskConfig, kind: NotificationKind, idSuffix: string, body: string): Notification {
  return {
    id: `${ticket.key}.${kind}.${idSuffix}`,
    ticketKey: ticket.key,
    kind,
    to: [ticket.requester.email],
    cc: ticket.watchers ?? [],
    subject: ticket.subject,
    text: `${greeting(ticket)}\n\n${body}\n\n${footer(ticket, config)}\n`,
    toRequester: true,
  };
}

/**
 * The mails a ticket change calls for: an acknowledgement of a new ticket, the requester told of a
 * status change or resolution, an agent told of an assignment, and SLA notify actions of thresholds
 * that fired in this change. Internal notes never cause mail.
 */
export function ticketNotifications(before: Ticket | undefined, after: Ticket, config: ServiceDeskConfig): Notification[] {
  const notifications: Notification[] = [];
  if (!before) {
    notifications.push(toRequester(after, config, 'acknowledgement', 'v1', `We received your request and opened ticket ${after.key}. We will answer as soon as we can.`));
  } else if (before.status !== after.status && after.status !== 'open' && after.status !== 'new') {
    const kind = after.status === 'resolved' ? 'resolved' : 'status_changed';
    const body =
      after.status === 'resolved'
        ? `Ticket ${after.key} was resolved. If the problem is not solved, reply to this mail and the ticket opens again.`
        : `Ticket ${after.key} is now ${STATUS_NAMES[after.status]}.`;
    notifications.push(toRequester(after, config, kind, `v${after.version}`, body));
  }
  if (after.assignee && after.assignee !== before?.assignee) {
    notifications.push({
      id: `${after.key}.assigned.v${after.version}`,
      ticketKey: after.key,
      kind: 'assigned',
      to: [after.assignee],
      cc: [],
      subject: after.subject,
      text: `Ticket ${after.key} (${after.priority}) is assigned to you: ${after.subject}\nRequester: ${after.requester.email}\n`,
      toRequester: false,
    });
  }
  notifications.push(...slaNotifications(before, after, config));
  return notifications;
}

/** An agent's public reply goes to the requester and the people copied on the thread. */
export function commentNotification(ticket: Ticket, comment: Comment, config: ServiceDeskConfig): Notification | undefined {
  if (!comment.public || comment.author.role !== 'agent') return undefined;
  return toRequester(ticket, config, 'public_reply', comment.id, comment.body);
}

function slaNotifications(before: Ticket | undefined, after: Ticket, config: ServiceDeskConfig): Notification[] {
  const policy = after.sla && config.slaPolicies.find((candidate) => candidate.id === after.sla!.policy);
  if (!policy) return [];
  return after.sla!.clocks.flatMap((clock) => {
    const earlier = before?.sla?.clocks.find((candidate) => candidate.metric === clock.metric)?.firedThresholds ?? [];
    return clock.firedThresholds
      .filter((percent) => !earlier.includes(percent))
      .flatMap((percent) => {
        const actions = policy.thresholds.find((threshold) => threshold.percent === percent)?.actions ?? [];
        const to = [...new Set(actions.flatMap((action) => recipients(action, after, config)))];
        if (to.length === 0) return [];
        const what = percent >= 100 ? `${METRIC_NAMES[clock.metric]} target breached` : `${METRIC_NAMES[clock.metric]} at ${percent}% of its target`;
        return [
          {
            id: `${after.key}.sla.${clock.metric}.${percent}.v${after.sla!.version}`,
            ticketKey: after.key,
            kind: 'sla' as const,
            to,
            cc: [],
            subject: after.subject,
            text: `Ticket ${after.key} (${after.priority}): ${what}.\n${clock.deadline ? `Deadline: ${clock.deadline}\n` : ''}`,
            toRequester: false,
          },
        ];
      });
  });
}

function recipients(action: SlaAction, ticket: Ticket, config: ServiceDeskConfig): string[] {
  if (action.kind !== 'notify') return [];
  return action.to.flatMap((recipient) => slaRecipientEmails(recipient, ticket, config));
}

/** Who an SLA notify action means by a role, for this ticket as it stands. */
export function slaRecipientEmails(recipient: SlaRecipient, ticket: Ticket, config: ServiceDeskConfig): string[] {
  const desk = config.desks.find((candidate) => candidate.id === ticket.desk);
  switch (recipient) {
    case 'assignee':
      return ticket.assignee ? [ticket.assignee] : [];
    case 'desk_managers':
      return desk?.managers ?? [];
    case 'level_members':
      return desk?.levels.find((level) => level.id === ticket.level)?.members ?? [];
    case 'requester':
      return [ticket.requester.email];
  }
}
