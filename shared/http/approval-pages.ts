import { createHash } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import Mustache from 'mustache';
import type { PageChallenge } from '../auth/approval-page-confirmation.ts';
import type { ApprovalRequestView } from '../use-cases/decide-approval.ts';
import { approvalPageTexts, type ApprovalPageTexts } from './approval-page-texts.ts';
import { APPROVAL_PAGE_STYLE, APPROVAL_PAGE_STYLE_SOURCE } from './approval-page-style.ts';

/**
 * The pages an approver sees from an approval email: the request with its decision form, and the
 * outcome. Values are escaped by Mustache; the pages load nothing and may only post to this API.
 * They look like the web app (its design tokens, light and dark) through one stylesheet allowed by its hash.
 */
const LAYOUT = `<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{title}}</title>
<style>${APPROVAL_PAGE_STYLE}</style>
</head><body>{{{body}}}</body></html>`;

const FORM = `<h1>{{ticket.key}}: {{ticket.subject}}</h1>
<p class="meta">{{texts.askedBy}} {{requester}} · {{step}} · {{texts.decideAs}} {{approver}}</p>
{{#description}}<blockquote>{{description}}</blockquote>{{/description}}
<form id="decision-form" method="post" action="{{action}}" data-served-at="{{challenge.servedAt}}" data-mask="{{challenge.mask}}" data-masked="{{challenge.masked}}">
<input type="hidden" name="token" value="{{token}}">
<input type="hidden" id="confirmation" name="confirmation" value="">
<p><label for="comment">{{texts.commentLabel}}</label><br>
<textarea id="comment" name="comment" maxlength="5000"></textarea></p>
<p><button type="submit" name="decision" value="approve">{{texts.approve}}</button>
<button type="submit" name="decision" value="reject">{{texts.reject}}</button></p>
</form>
<noscript><p>{{noScript}}
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

function page(statusCode: number, lang: string, title: string, body: string, scriptSource?: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: pageHeaders(scriptSource), body: Mustache.render(LAYOUT, { lang, title, body }) };
}

/** Fills the names into one of the pages' texts; the page escapes the result where it is shown. */
const fill = (text: string, values: Record<string, string>) => Mustache.render(text, values, {}, { escape: String });

/**
 * The request and a form that posts the decision (with the link's token) back to `action`; the
 * page's script adds the confirmation from `challenge` when a person clicks a decision.
 */
export function approvalFormPage(view: ApprovalRequestView, token: string, action: string, challenge: PageChallenge): APIGatewayProxyStructuredResultV2 {
  const { ticket } = view;
  const texts = approvalPageTexts(view.language);
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
    texts,
    noScript: fill(texts.noScript, { approver: view.approver }),
    script: SCRIPT,
  });
  return page(200, texts.lang, fill(texts.formTitle, { key: ticket.key }), body, SCRIPT_SOURCE);
}

/** A short page with what happened, or why nothing did, in `texts`' language. */
export function approvalMessagePage(statusCode: number, heading: string, text: string, texts: ApprovalPageTexts = approvalPageTexts('en')): APIGatewayProxyStructuredResultV2 {
  return page(statusCode, texts.lang, heading, Mustache.render(MESSAGE, { heading, text }));
}

/** The page after a decision by link: thanks, and what happens to the request now. */
export function approvalOutcomePage(ticket: { key: string; approval?: { state: string } | undefined }, language: string): APIGatewayProxyStructuredResultV2 {
  const texts = approvalPageTexts(language);
  const state = ticket.approval?.state;
  const outcome = state === 'rejected' ? texts.outcomes.rejected : state === 'approved' ? texts.outcomes.approved : texts.outcomes.nextStep;
  return approvalMessagePage(200, fill(texts.thankYou, { key: ticket.key }), outcome, texts);
}
