import { createHash } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import Mustache from 'mustache';
import type { PageChallenge } from '../auth/approval-page-confirmation.ts';
import type { ApprovalRequestView } from '../use-cases/decide-approval.ts';
import { APPROVAL_PAGE_STYLE, APPROVAL_PAGE_STYLE_SOURCE } from './approval-page-style.ts';

/**
 * The pages an approver sees from an approval email: the request with its decision form, and the
 * outcome. Values are escaped by Mustache; the pages load nothing and may only post to this API.
 * They look like the web app (its design tokens, light and dark) through one stylesheet allowed by its hash.
 */
const LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{title}}</title>
<style>${APPROVAL_PAGE_STYLE}</style>
</head><body>{{{body}}}</body></html>`;

const FORM = `<h1>{{ticket.key}}: {{ticket.subject}}</h1>
<p class="meta">Asked by {{requester}} · {{step}} · you decide as {{approver}}</p>
{{#description}}<blockquote>{{description}}</blockquote>{{/description}}
<form id="decision-form" method="post" action="{{action}}" data-served-at="{{challenge.servedAt}}" data-mask="{{challenge.mask}}" data-masked="{{challenge.masked}}">
<input type="hidden" name="token" value="{{token}}">
<input type="hidden" id="confirmation" name="confirmation" value="">
<p><label for="comment">Comment (the requester reads it; needed to reject)</label><br>
<textarea id="comment" name="comment" maxlength="5000"></textarea></p>
<p><button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="reject">Reject</button></p>
</form>
<noscript><p>Deciding on this page needs JavaScript. Without it, sign in to the desk as {{approver}} and decide with
<code>POST /tickets/{{ticket.key}}/approval</code>.</p></noscript>
<script>{{{script}}}</script>`;

/**
 * Adds the confirmation only on a person's click of Approve or Reject: a client that posts the
 * form without running this script, a script's own click() (not trusted) and an automated browser
 * (navigator.webdriver) send none. The proof is the XOR of the form's two halves.
 */
const SCRIPT = `(function () {
  'use strict';
  var form = document.getElementById('decision-form');
  var confirmation = document.getElementById('confirmation');
  form.addEventListener('click', function (event) {
    var button = event.target;
    if (!event.isTrusted || navigator.webdriver || !button || button.name !== 'decision') return;
    var mask = form.getAttribute('data-mask'), masked = form.getAttribute('data-masked'), proof = '';
    for (var i = 0; i < mask.length; i += 2) {
      proof += ('0' + (parseInt(mask.substr(i, 2), 16) ^ parseInt(masked.substr(i, 2), 16)).toString(16)).slice(-2);
    }
    confirmation.value = form.getAttribute('data-served-at') + '.' + proof;
  });
})();`;

/** The page's one script, allowed by its hash: nothing else runs, nothing is loaded. */
const SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

const MESSAGE = `<h1>{{heading}}</h1><p>{{text}}</p>`;

/** Only what the pages need, and forms that post nowhere else; the stylesheet and, on the form page, the script by hash. */
function pageHeaders(scriptSource?: string): Record<string, string> {
  const script = scriptSource ? ` script-src ${scriptSource};` : '';
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none';${script} style-src ${APPROVAL_PAGE_STYLE_SOURCE}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}

function page(statusCode: number, title: string, body: string, scriptSource?: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: pageHeaders(scriptSource), body: Mustache.render(LAYOUT, { title, body }) };
}

/**
 * The request and a form that posts the decision (with the link's token) back to `action`; the
 * page's script adds the confirmation from `challenge` when a person clicks a decision.
 */
export function approvalFormPage(view: ApprovalRequestView, token: string, action: string, challenge: PageChallenge): APIGatewayProxyStructuredResultV2 {
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
    challenge,
    script: SCRIPT,
  });
  return page(200, `Approve ${ticket.key}?`, body, SCRIPT_SOURCE);
}

/** A short page with what happened, or why nothing did. */
export function approvalMessagePage(statusCode: number, heading: string, text: string): APIGatewayProxyStructuredResultV2 {
  return page(statusCode, heading, Mustache.render(MESSAGE, { heading, text }));
}
