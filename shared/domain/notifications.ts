import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { SlaAction, SlaRecipient } from '../config/sla-schema.ts';
import type { NotificationKind } from '../config/notification-kinds.ts';
import { deskMailbox } from '../email/desk-addresses.ts';
import { mailableRecipients, type LeftOutRecipient } from '../email/mail-recipients.ts';
import { APPROVAL_LINK_PLACEHOLDER, renderNotification, textAsHtml, type NotificationView } from '../email/notification-templates.ts';
import { notificationWords } from './notification-words.ts';
import { languageOf, requesterLanguage } from './recipient-language.ts';
import type { Invitation } from './invitation.ts';
import type { Comment, Ticket } from './ticket.ts';

export type { NotificationKind };

/** A mail to send about a ticket (or, for an invitation, about none). The id is deterministic, so a change seen twice sends once. */
export interface Notification {
  id: string;
  /** Absent from mail about no ticket: it carries no ticket token, threading or reply address. */
  ticketKey?: string;
  kind: NotificationKind;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** Mails to the requester carry the signed reply address, so answers thread. */
  toRequester: boolean;
  /** For an approval request: the step and approver its signed link is made for when it is sent. */
  approvalLink?: { step: number; approver: string };
}

/** What the templates can name about a ticket (see shared/email/notification-templates.ts). */
function viewOf(ticket: Ticket, config: ServiceDeskConfig, language: string, extra: Pick<NotificationView, 'comment' | 'sla' | 'approval'> = {}): NotificationView {
  // The mailbox the mail comes from names the desk: a desk with its own address signs with its own name.
  const mailbox = deskMailbox(config, ticket.desk);
  return {
    desk: { name: mailbox?.name ?? 'Service desk', address: mailbox?.address ?? '' },
    ticket: {
      key: ticket.key,
      subject: ticket.subject,
      status: notificationWords(language).statuses[ticket.status],
      priority: ticket.priority,
      desk: config.desks.find((desk) => desk.id === ticket.desk)?.name ?? ticket.desk,
      level: ticket.level,
      ...(ticket.assignee ? { assignee: ticket.assignee } : {}),
    },
    requester: { email: ticket.requester.email, name: ticket.requester.name ?? ticket.requester.email },
    ...extra,
  };
}

/** A notification rendered and addressed, with the addresses SES cannot send to that it left out. */
export interface AddressedNotification {
  mail: Notification;
  leftOut: LeftOutRecipient[];
}

function addressedNotification(
  ticket: Ticket,
  config: ServiceDeskConfig,
  kind: NotificationKind,
  idSuffix: string,
  recipients: { to: string[]; cc: string[]; toRequester: boolean; language: string },
  extra?: Pick<NotificationView, 'comment' | 'sla' | 'approval'>,
): AddressedNotification {
  // Addresses as SES can send to them; those it cannot (a non-ASCII local part) are left out.
  const { to, cc, leftOut } = mailableRecipients(recipients.to, recipients.cc);
  const mail: Notification = {
    id: `${ticket.key}.${kind}.${idSuffix}`,
    ticketKey: ticket.key,
    kind,
    to,
    cc,
    toRequester: recipients.toRequester,
    ...renderNotification(kind, viewOf(ticket, config, recipients.language, extra), config.email, recipients.language),
  };
  return { mail, leftOut };
}

function notification(...args: Parameters<typeof addressedNotification>): Notification {
  return addressedNotification(...args).mail;
}

/** A mail whose every recipient was left out is not sent at all. */
const addressed = (mail: Notification) => mail.to.length > 0;

/** Where mail to the requester goes: the Reply-To kept at intake, else the address itself. */
const requesterMailbox = (ticket: Ticket) => ticket.requester.replyTo ?? ticket.requester.email;

// People copied on the thread read the requester's language, as the mail is one.
const requesterAndWatchers = (ticket: Ticket, config: ServiceDeskConfig) => ({ to: [requesterMailbox(ticket)], cc: ticket.watchers ?? [], toRequester: true, language: requesterLanguage(config, ticket) });

/** Staff and approvers: their directory language, else (approvers) the ticket's, else the desk's. */
const staffRecipient = (ticket: Ticket, config: ServiceDeskConfig, email: string, written?: string) => ({
  to: [email],
  cc: [],
  toRequester: false,
  language: languageOf(config, { email, written, desk: ticket.desk }),
});

/**
 * The mails a ticket change calls for: an acknowledgement of a new ticket, the requester told of a
 * status change or resolution, an agent told of an assignment, SLA notify actions of thresholds
 * that fired in this change, and the approvers of a step the request now waits on. Internal notes
 * never cause mail.
 */
export function ticketNotifications(before: Ticket | undefined, after: Ticket, config: ServiceDeskConfig): Notification[] {
  const notifications: Notification[] = [];
  if (!before) {
    notifications.push(notification(after, config, 'acknowledgement', 'v1', requesterAndWatchers(after, config)));
  } else if (before.status !== after.status && after.status !== 'open' && after.status !== 'new') {
    const kind = after.status === 'resolved' ? 'resolved' : 'status_changed';
    notifications.push(notification(after, config, kind, `v${after.version}`, requesterAndWatchers(after, config)));
  }
  if (after.assignee && after.assignee !== before?.assignee) {
    notifications.push(notification(after, config, 'assigned', `v${after.version}`, staffRecipient(after, config, after.assignee)));
  }
  notifications.push(...slaNotifications(before, after, config));
  notifications.push(...approvalRequests(before, after, config));
  return notifications.filter(addressed);
}

/** When a request starts waiting on an approval step, each approver of it is asked, with a link of their own. */
function approvalRequests(before: Ticket | undefined, after: Ticket, config: ServiceDeskConfig): Notification[] {
  const approval = after.approval;
  if (approval?.state !== 'pending') return [];
  if (before?.approval?.state === 'pending' && before.approval.current === approval.current) return [];
  const step = approval.steps[approval.current]!;
  return step.approvers.map((approver) => ({
    ...notification(after, config, 'approval_request', `${approval.current}.${approver}`, staffRecipient(after, config, approver, after.language), {
      approval: { step: step.label, link: APPROVAL_LINK_PLACEHOLDER },
    }),
    approvalLink: { step: approval.current, approver },
  }));
}

/**
 * The mail inviting a person to the portal at `webUrl`. The id names the invitation's time, so a
 * stream record seen twice sends once, and inviting again sends again.
 */
export function invitationNotification(invitation: Invitation, config: ServiceDeskConfig, webUrl: string): Notification | undefined {
  const invitedBy = config.users.find((user) => user.email === invitation.invitedBy)?.name ?? invitation.invitedBy;
  const view: NotificationView = {
    desk: { name: config.email?.name ?? 'Service desk', address: config.email?.address ?? '' },
    requester: { email: invitation.email, name: invitation.name ?? invitation.email },
    // Parsed, so the link is a well-formed URL whatever the variable holds (quotes come out encoded).
    invitation: { link: new URL(`${webUrl.replace(/\/+$/, '')}/`).href, invitedBy },
  };
  const mail: Notification = {
    id: `invitation.${invitation.email}.${invitation.invitedAt}`,
    kind: 'invitation',
    to: mailableRecipients([invitation.email], []).to,
    cc: [],
    toRequester: false,
    ...renderNotification('invitation', view, config.email, languageOf(config, { email: invitation.email })),
  };
  return addressed(mail) ? mail : undefined;
}

/** Whether a comment is mailed: only an agent's public reply is (not a note, a requester's or a system's words). */
export function isMailedReply(comment: Comment): boolean {
  return comment.public && comment.kind === undefined && comment.author.role === 'agent';
}

/**
 * The signature that ends an agent's mailed replies on a desk's tickets: the agent's one for that
 * desk (`users[].deskSignatures`), else the agent's own (`users[].signature`), if there is one.
 */
export function agentSignature(config: ServiceDeskConfig, email: string, deskId?: string): string | undefined {
  const user = config.users.find((candidate) => candidate.email === email.toLowerCase());
  return (deskId === undefined ? undefined : user?.deskSignatures?.[deskId]) ?? user?.signature;
}

/** What ends a reply mailed from a desk's ticket: the agent's signature, then the desk's own (`desks[].email.signature`). */
function replySignature(config: ServiceDeskConfig, comment: Comment, deskId: string): string | undefined {
  const agent = comment.author.role === 'agent' ? agentSignature(config, comment.author.email, deskId) : undefined;
  const desk = config.desks.find((candidate) => candidate.id === deskId)?.email?.signature;
  const parts = [agent, desk].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join('\n\n') : undefined;
}

/**
 * A public reply as it is mailed to the requester and the people copied on the ticket, ending
 * with its agent's signature for the ticket's desk and the desk's own (the stored comment keeps
 * the text as typed), with the addresses it leaves out. The one rendering that the notification
 * and the reply preview share.
 */
export function publicReplyMail(ticket: Ticket, comment: Comment, config: ServiceDeskConfig): AddressedNotification {
  const html = comment.html ?? textAsHtml(comment.body);
  const signature = replySignature(config, comment, ticket.desk);
  const view = { body: comment.body, html, ...(signature ? { signature, signatureHtml: textAsHtml(signature) } : {}) };
  return addressedNotification(ticket, config, 'public_reply', comment.id, requesterAndWatchers(ticket, config), { comment: view });
}

/** An agent's public reply goes to the requester and the people copied on the thread. */
export function commentNotification(ticket: Ticket, comment: Comment, config: ServiceDeskConfig): Notification | undefined {
  if (!isMailedReply(comment)) return undefined;
  const { mail } = publicReplyMail(ticket, comment, config);
  return addressed(mail) ? mail : undefined;
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
        // One mail to several people: in the one recipient's language, else the desk's.
        const language = languageOf(config, { email: to.length === 1 ? to[0] : undefined, desk: after.desk });
        const words = notificationWords(language);
        const metric = words.metrics[clock.metric];
        const what = percent >= 100 ? words.breached(metric) : words.atPercent(metric, percent);
        const sla = { what, ...(clock.deadline ? { deadline: clock.deadline } : {}) };
        return [notification(after, config, 'sla', `${clock.metric}.${percent}.v${after.sla!.version}`, { to, cc: [], toRequester: false, language }, { sla })];
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
      return [requesterMailbox(ticket)];
  }
}
