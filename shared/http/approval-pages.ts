import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import Mustache from 'mustache';
import type { ApprovalRequestView } from '../use-cases/decide-approval.ts';

/**
 * The pages an approver sees from an approval email: the request with its decision form, and the
 * outcome. Values are escaped by Mustache; the pages load nothing and may only post to this API.
 */
const LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
.meta{color:#555}textarea{width:100%;min-height:5rem}button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}</style>
</head><body>{{{body}}}</body></html>`;

const FORM = `<h1>{{ticket.key}}: {{ticket.subject}}</h1>
<p class="meta">Asked by {{requester}} · {{step}} · you decide as {{approver}}</p>
{{#description}}<blockquote>{{description}}</blockquote>{{/description}}
<form method="post" action="{{action}}">
<input type="hidden" name="token" value="{{token}}">
<p><label for="comment">Comment (the requester reads it; needed to reject)</label><br>
<textarea id="comment" name="comment" maxlength="5000"></textarea></p>
<p><button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="reject">Reject</button></p>
</form>`;

const MESSAGE = `<h1>{{heading}}</h1><p>{{text}}</p>`;

/** Only what the pages need, and forms that post nowhere else. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function page(statusCode: number, title: string, body: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: PAGE_HEADERS, body: Mustache.render(LAYOUT, { title, body }) };
}

/** The request and a form that posts the decision (with the link's token) back to `action`. */
export function approvalFormPage(view: ApprovalRequestView, token: string, action: string): APIGatewayProxyStructuredResultV2 {
  const { ticket } = view;
  const description = ticket.description.length > 2000 ? `${ticket.description.slice(0, 2000)}…` : ticket.description;
  const body = Mustache.render(FORM, {
    ticket,
    requester: ticket.requester.name ? `${ticket.requester.name} <${ticket.requester.email}>` : ticket.requester.email,
    step: view.step,
    approver: view.approver,
    description,
    token,
    action,
  });
  return page(200, `Approve ${ticket.key}?`, body);
}

/** A short page with what happened, or why nothing did. */
export function approvalMessagePage(statusCode: number, heading: string, text: string): APIGatewayProxyStructuredResultV2 {
  return page(statusCode, heading, Mustache.render(MESSAGE, { heading, text }));
}
