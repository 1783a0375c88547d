import Mustache from 'mustache';
import type { EmailConfig } from '../config/email-schema.ts';
import { FALLBACK_LANGUAGE } from '../config/languages.ts';
import type { NotificationKind } from '../config/notification-kinds.ts';
import { GERMAN_TEMPLATES } from './german-templates.ts';
import type { RenderedNotification } from './rendered-notification.ts';

/**
 * What a notification template can name. Every value is a string or absent (Mustache renders an
 * absent one as nothing and skips its section), so `{{#sla.deadline}}…{{/sla.deadline}}` reads as
 * "if there is a deadline".
 */
export interface NotificationView {
  desk: { name: string; address: string };
  /** The ticket the mail is about; absent from mail about no ticket (an invitation). */
  ticket?: { key: string; subject: string; status: string; priority: string; desk: string; level: string; assignee?: string };
  /** The requester, or the person an invitation is for. */
  requester: { email: string; name: string };
  /** An invitation to the portal: the web app's address (a parsed URL, safe in an attribute), and who sent it. */
  invitation?: { link: string; invitedBy: string };
  /**
   * The public reply being sent; `html` is sanitised HTML, or the text with its line breaks. An
   * agent's reply ends with the agent's `signature` (plain text) and `signatureHtml` (escaped, line breaks kept).
   */
  comment?: { body: string; html: string; signature?: string; signatureHtml?: string };
  /** The SLA threshold that fired. */
  sla?: { what: string; deadline?: string };
  /** The approval step waiting on the recipient, and the signed link to decide it. */
  approval?: { step: string; link: string };
}

/**
 * Stands for an approver's signed link until the mail is sent: the function that sends mail holds
 * the signing key, so it puts the link in there. Plain characters only, so neither Mustache's
 * escaping nor MIME encoding changes it.
 */
export const APPROVAL_LINK_PLACEHOLDER = 'approval-link-placeholder-7f3a1c';

export type { RenderedNotification };

const TEXT_FOOTER = '--\nTicket {{ticket.key}}: {{ticket.subject}}\nReply to this mail to add to the ticket.\n{{desk.name}}\n';
const HTML_FOOTER = '<hr><p style="color:#666;font-size:smaller">Ticket {{ticket.key}}: {{ticket.subject}}<br>Reply to this mail to add to the ticket.<br>{{desk.name}}</p>';
const toRequester = (text: string, html: string) => ({
  subject: '{{ticket.subject}}',
  text: `Hello {{requester.name}},\n\n${text}\n\n${TEXT_FOOTER}`,
  html: `<p>Hello {{requester.name}},</p>${html}${HTML_FOOTER}`,
});

/** The built-in templates in English. */
const ENGLISH_TEMPLATES: Readonly<Record<NotificationKind, RenderedNotification>> = {
  acknowledgement: toRequester(
    'We received your request and opened ticket {{ticket.key}}. We will answer as soon as we can.',
    '<p>We received your request and opened ticket <b>{{ticket.key}}</b>. We will answer as soon as we can.</p>',
  ),
  public_reply: toRequester(
    '{{comment.body}}{{#comment.signature}}\n\n{{comment.signature}}{{/comment.signature}}',
    '<div>{{{comment.html}}}</div>{{#comment.signatureHtml}}<p>{{{comment.signatureHtml}}}</p>{{/comment.signatureHtml}}',
  ),
  status_changed: toRequester('Ticket {{ticket.key}} is now {{ticket.status}}.', '<p>Ticket {{ticket.key}} is now <b>{{ticket.status}}</b>.</p>'),
  resolved: toRequester(
    'Ticket {{ticket.key}} was resolved. If the problem is not solved, reply to this mail and the ticket opens again.',
    '<p>Ticket {{ticket.key}} was resolved. If the problem is not solved, reply to this mail and the ticket opens again.</p>',
  ),
  assigned: {
    subject: '{{ticket.subject}}',
    text: 'Ticket {{ticket.key}} ({{ticket.priority}}) is assigned to you: {{ticket.subject}}\nRequester: {{requester.email}}\n',
    html: '<p>Ticket <b>{{ticket.key}}</b> ({{ticket.priority}}) is assigned to you: {{ticket.subject}}<br>Requester: {{requester.email}}</p>',
  },
  approval_request: {
    subject: 'Approval needed: {{ticket.subject}}',
    text:
      'Hello,\n\n{{requester.name}} asks for: {{ticket.subject}} ({{ticket.key}}).\n{{approval.step}} is waiting for your decision.\n\n' +
      'Approve or reject it here (the link is yours alone and works for 14 days):\n{{approval.link}}\n\n{{desk.name}}\n',
    html:
      '<p>Hello,</p><p>{{requester.name}} asks for: <b>{{ticket.subject}}</b> ({{ticket.key}}).<br>{{approval.step}} is waiting for your decision.</p>' +
      '<p><a href="{{{approval.link}}}">Approve or reject</a> (the link is yours alone and works for 14 days).</p><p style="color:#666">{{desk.name}}</p>',
  },
  invitation: {
    subject: 'You are invited to {{desk.name}}',
    text:
      'Hello {{requester.name}},\n\n{{invitation.invitedBy}} invites you to {{desk.name}}, where you ask for help and follow your requests.\n\n' +
      'Sign up with this address ({{requester.email}}) at:\n{{invitation.link}}\n\n{{desk.name}}\n',
    html:
      '<p>Hello {{requester.name}},</p><p>{{invitation.invitedBy}} invites you to {{desk.name}}, where you ask for help and follow your requests.</p>' +
      '<p><a href="{{{invitation.link}}}">Sign up</a> with this address ({{requester.email}}).</p><p style="color:#666">{{desk.name}}</p>',
  },
  sla: {
    subject: '{{ticket.subject}}',
    text: 'Ticket {{ticket.key}} ({{ticket.priority}}): {{sla.what}}.\n{{#sla.deadline}}Deadline: {{sla.deadline}}\n{{/sla.deadline}}',
    html: '<p>Ticket <b>{{ticket.key}}</b> ({{ticket.priority}}): {{sla.what}}.{{#sla.deadline}}<br>Deadline: {{sla.deadline}}{{/sla.deadline}}</p>',
  },
};

/** The built-in templates per language; `email.templates` in the configuration replaces any part of them. */
export const BUILT_IN_TEMPLATES: Readonly<Record<string, Readonly<Record<NotificationKind, RenderedNotification>>>> = { en: ENGLISH_TEMPLATES, de: GERMAN_TEMPLATES };

/** Plain text and subjects take values as they are; the HTML part escapes them (Mustache's default). */
const asIs = { escape: (value: unknown) => String(value) };

/**
 * Renders one notification in `language` from the configured templates of that language, falling
 * back part by part to its built-in ones (English for a language without any; the configuration
 * check makes such a language give every part). Values in the HTML part are escaped, except
 * `{{{comment.html}}}`, which is sanitised before it is stored, and `{{{comment.signatureHtml}}}`,
 * escaped when it is made.
 */
export function renderNotification(kind: NotificationKind, view: NotificationView, email: EmailConfig | undefined, language: string = FALLBACK_LANGUAGE): RenderedNotification {
  const configured = email?.templates[language]?.[kind] ?? {};
  const builtIn = (BUILT_IN_TEMPLATES[language] ?? ENGLISH_TEMPLATES)[kind];
  const template = { ...builtIn, ...configured };
  return {
    subject: Mustache.render(template.subject, view, {}, asIs),
    text: Mustache.render(template.text, view, {}, asIs),
    html: Mustache.render(template.html, view),
  };
}

/** A plain-text body as HTML: escaped, line breaks kept. */
export function textAsHtml(text: string): string {
  return Mustache.escape(text).replace(/\r?\n/g, '<br>\n');
}
