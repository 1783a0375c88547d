import type { NotificationKind } from '../config/notification-kinds.ts';
import type { RenderedNotification } from './rendered-notification.ts';

const TEXT_FOOTER = '--\nTicket {{ticket.key}}: {{ticket.subject}}\nAntworten Sie auf diese Mail, um dem Ticket etwas hinzuzufügen.\n{{desk.name}}\n';
const HTML_FOOTER = '<hr><p style="color:#666;font-size:smaller">Ticket {{ticket.key}}: {{ticket.subject}}<br>Antworten Sie auf diese Mail, um dem Ticket etwas hinzuzufügen.<br>{{desk.name}}</p>';
const toRequester = (text: string, html: string) => ({
  subject: '{{ticket.subject}}',
  text: `Hallo {{requester.name}},\n\n${text}\n\n${TEXT_FOOTER}`,
  html: `<p>Hallo {{requester.name}},</p>${html}${HTML_FOOTER}`,
});

/** The built-in templates in German (formal address, as a desk writes to people it does not know). */
export const GERMAN_TEMPLATES: Readonly<Record<NotificationKind, RenderedNotification>> = {
  acknowledgement: toRequester(
    'Wir haben Ihre Anfrage erhalten und das Ticket {{ticket.key}} eröffnet. Wir melden uns so bald wie möglich bei Ihnen.',
    '<p>Wir haben Ihre Anfrage erhalten und das Ticket <b>{{ticket.key}}</b> eröffnet. Wir melden uns so bald wie möglich bei Ihnen.</p>',
  ),
  public_reply: toRequester(
    '{{comment.body}}{{#comment.signature}}\n\n{{comment.signature}}{{/comment.signature}}',
    '<div>{{{comment.html}}}</div>{{#comment.signatureHtml}}<p>{{{comment.signatureHtml}}}</p>{{/comment.signatureHtml}}',
  ),
  status_changed: toRequester('Der Status des Tickets {{ticket.key}} ist jetzt: {{ticket.status}}.', '<p>Der Status des Tickets {{ticket.key}} ist jetzt: <b>{{ticket.status}}</b>.</p>'),
  resolved: toRequester(
    'Das Ticket {{ticket.key}} wurde gelöst. Falls das Problem weiter besteht, antworten Sie einfach auf diese Mail; das Ticket wird dann wieder geöffnet.',
    '<p>Das Ticket {{ticket.key}} wurde gelöst. Falls das Problem weiter besteht, antworten Sie einfach auf diese Mail; das Ticket wird dann wieder geöffnet.</p>',
  ),
  assigned: {
    subject: '{{ticket.subject}}',
    text: 'Das Ticket {{ticket.key}} ({{ticket.priority}}) wurde Ihnen zugewiesen: {{ticket.subject}}\nAnfrage von: {{requester.email}}\n',
    html: '<p>Das Ticket <b>{{ticket.key}}</b> ({{ticket.priority}}) wurde Ihnen zugewiesen: {{ticket.subject}}<br>Anfrage von: {{requester.email}}</p>',
  },
  approval_request: {
    subject: 'Genehmigung erforderlich: {{ticket.subject}}',
    text:
      'Hallo,\n\n{{requester.name}} bittet um: {{ticket.subject}} ({{ticket.key}}).\n{{approval.step}} wartet auf Ihre Entscheidung.\n\n' +
      'Genehmigen oder ablehnen können Sie hier (der Link gilt nur für Sie und 14 Tage lang):\n{{approval.link}}\n\n{{desk.name}}\n',
    html:
      '<p>Hallo,</p><p>{{requester.name}} bittet um: <b>{{ticket.subject}}</b> ({{ticket.key}}).<br>{{approval.step}} wartet auf Ihre Entscheidung.</p>' +
      '<p><a href="{{{approval.link}}}">Genehmigen oder ablehnen</a> (der Link gilt nur für Sie und 14 Tage lang).</p><p style="color:#666">{{desk.name}}</p>',
  },
  invitation: {
    subject: 'Einladung zu {{desk.name}}',
    text:
      'Hallo {{requester.name}},\n\n{{invitation.invitedBy}} lädt Sie zu {{desk.name}} ein. Dort bitten Sie um Hilfe und verfolgen Ihre Anfragen.\n\n' +
      'Registrieren Sie sich mit dieser Adresse ({{requester.email}}) unter:\n{{invitation.link}}\n\n{{desk.name}}\n',
    html:
      '<p>Hallo {{requester.name}},</p><p>{{invitation.invitedBy}} lädt Sie zu {{desk.name}} ein. Dort bitten Sie um Hilfe und verfolgen Ihre Anfragen.</p>' +
      '<p><a href="{{{invitation.link}}}">Registrieren Sie sich</a> mit dieser Adresse ({{requester.email}}).</p><p style="color:#666">{{desk.name}}</p>',
  },
  sla: {
    subject: '{{ticket.subject}}',
    text: 'Ticket {{ticket.key}} ({{ticket.priority}}): {{sla.what}}.\n{{#sla.deadline}}Frist: {{sla.deadline}}\n{{/sla.deadline}}',
    html: '<p>Ticket <b>{{ticket.key}}</b> ({{ticket.priority}}): {{sla.what}}.{{#sla.deadline}}<br>Frist: {{sla.deadline}}{{/sla.deadline}}</p>',
  },
};
