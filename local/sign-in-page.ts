import Mustache from 'mustache';
import type { HttpResponse } from './api-gateway-event.ts';
import { htmlPage } from './local-page-html.ts';

export interface SignInPageView {
  /** What people sign in to: the desk's name. */
  deskName: string;
  /** Where the form posts. */
  action: string;
  /** The pending authorize request the page completes. */
  requestId: string;
  email?: string;
  emailError?: string;
  staff: ReadonlyArray<{ email: string; name: string; role: string }>;
  identityProviders: ReadonlyArray<{ id: string; name: string }>;
  /** Origins the sign-in may redirect to after the post. */
  formTargets: readonly string[];
}

const SIGN_IN = `<h1>Sign in to {{deskName}}</h1>
<p class="hint">Local sign-in: no password is asked for. Any address signs in as a requester.</p>
<form method="post" action="{{action}}" novalidate>
<input type="hidden" name="request" value="{{requestId}}">
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" inputmode="email" spellcheck="false" value="{{email}}"{{#emailError}} aria-invalid="true" aria-describedby="email-error"{{/emailError}}{{#autofocus}} autofocus{{/autofocus}}>
{{#emailError}}<p id="email-error" class="error">{{emailError}}</p>{{/emailError}}
<button type="submit">Continue</button>
</form>
{{#hasProviders}}<section aria-labelledby="providers-heading">
<h2 id="providers-heading">Your organisation's account</h2>
<form method="post" action="{{action}}">
<input type="hidden" name="request" value="{{requestId}}">
<ul>{{#identityProviders}}<li><button type="submit" class="secondary" name="identity_provider" value="{{id}}">Sign in with {{name}}</button></li>{{/identityProviders}}</ul>
</form>
</section>{{/hasProviders}}
{{#hasStaff}}<section aria-labelledby="staff-heading">
<h2 id="staff-heading">Demo staff</h2>
<p class="hint">The staff users of the configuration, with their roles.</p>
<form method="post" action="{{action}}">
<input type="hidden" name="request" value="{{requestId}}">
<ul>{{#staff}}<li><button type="submit" class="secondary" name="staff" value="{{email}}">{{name}}<span class="role">{{role}} · {{email}}</span></button></li>{{/staff}}</ul>
</form>
</section>{{/hasStaff}}`;

/** The local issuer's sign-in page: an email field, one button per identity provider, the demo staff. */
export function signInPage(statusCode: number, view: SignInPageView): HttpResponse {
  const body = Mustache.render(SIGN_IN, {
    ...view,
    hasProviders: view.identityProviders.length > 0,
    hasStaff: view.staff.length > 0,
    // Only after a refusal, so the person lands on the field whose message they must read.
    autofocus: view.emailError !== undefined,
  });
  return htmlPage(statusCode, `Sign in to ${view.deskName}`, body, { formTargets: view.formTargets });
}

export interface FederatedSignInPageView {
  /** The provider the local identity provider plays. */
  providerName: string;
  action: string;
  /** The authorize request's parameters, carried through the form. */
  fields: Readonly<Record<string, string>>;
  email?: string;
  emailError?: string;
  formTargets: readonly string[];
}

const FEDERATED_SIGN_IN = `<h1>{{providerName}}</h1>
<p class="hint">The local identity provider, playing {{providerName}}: it vouches for whichever address you type.</p>
<form method="post" action="{{action}}" novalidate>
{{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" inputmode="email" spellcheck="false" value="{{email}}"{{#emailError}} aria-invalid="true" aria-describedby="email-error" autofocus{{/emailError}}>
{{#emailError}}<p id="email-error" class="error">{{emailError}}</p>{{/emailError}}
<button type="submit">Sign in</button>
</form>`;

/** The sign-in page of the local identity provider that stands in for an organisation's. */
export function federatedSignInPage(statusCode: number, view: FederatedSignInPageView): HttpResponse {
  const hidden = Object.entries(view.fields).map(([name, value]) => ({ name, value }));
  const body = Mustache.render(FEDERATED_SIGN_IN, { ...view, hidden });
  return htmlPage(statusCode, `Sign in: ${view.providerName}`, body, { formTargets: view.formTargets });
}
