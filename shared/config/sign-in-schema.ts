import * as z from 'zod';

/** A domain name as people type it after the @ of their address: lower-cased, no leading @. */
const emailDomainSchema = z
  .string()
  .transform((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'use a domain name such as example.org'));

/** An organisation's own identity provider, offered on the sign-in page (Entra ID, Google Workspace, Okta, ...). */
export const oidcIdentityProviderSchema = z.strictObject({
  /** The provider's name in the user pool and in the sign-in URL (`identity_provider=`). */
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, 'use 1-32 letters, digits, _ or -, starting with a letter')
    .describe("The provider's name in the user pool and in the sign-in URL (identity_provider=); unique, case aside."),
  /** What the sign-in button says. */
  name: z.string().min(1).max(100).describe('What the sign-in button says, like Contoso (Entra ID).'),
  type: z.literal('oidc').describe('an OpenID Connect provider'),
  /** The provider's issuer URL, where its /.well-known/openid-configuration is. */
  issuerUrl: z.url({ protocol: /^https$/, error: 'use the https issuer URL the provider documents' }).describe("The provider's https issuer URL, where its /.well-known/openid-configuration is."),
  clientId: z.string().min(1).max(255).describe('The client id the provider gave the desk.'),
  /** Name of the Secrets Manager secret holding the client secret; never the secret itself. */
  clientSecretName: z.string().min(1).max(512).describe('Name of the Secrets Manager secret holding the client secret, read at deploy time; never the secret itself.'),
  scopes: z.array(z.string().min(1)).default(['openid', 'email', 'profile']).describe('The OAuth scopes the user pool asks the provider for.'),
  /** Addresses of these domains are sent straight to this provider (Cognito's identifiers). */
  emailDomains: z.array(emailDomainSchema).default([]).describe("Addresses on these domains are sent straight to this provider (Cognito's identifiers); written like example.org, case and a leading @ aside."),
});

export const samlIdentityProviderSchema = z.strictObject({
  id: oidcIdentityProviderSchema.shape.id,
  name: oidcIdentityProviderSchema.shape.name,
  type: z.literal('saml').describe('a SAML 2.0 provider'),
  /** The provider's federation metadata document URL. */
  metadataUrl: z.url({ protocol: /^https$/, error: 'use the https metadata URL the provider documents' }).describe("The https URL of the provider's federation metadata document."),
  /** The SAML attribute that carries the email address. */
  emailAttribute: z.string().min(1).default('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress').describe('The SAML attribute that carries the email address.'),
  emailDomains: oidcIdentityProviderSchema.shape.emailDomains,
});

export const identityProviderSchema = z.discriminatedUnion('type', [oidcIdentityProviderSchema, samlIdentityProviderSchema]);

/**
 * How people get into the web app. Staff are invited by an admin; requesters sign themselves up
 * when their address is on an allowed domain, or are invited by the desk.
 */
export const signInSchema = z.strictObject({
  /** Requesters with an address on one of these domains may sign themselves up; none means invitation only. */
  selfSignUpDomains: z.array(emailDomainSchema).default([]).describe('Requesters with an address on one of these domains may sign themselves up; none means invitation only. Written like example.org.'),
  /** Sign-in by a one-time code mailed to the person, instead of a password (Cognito Essentials or Plus). */
  emailCode: z
    .boolean()
    .default(true)
    .describe("Sign-in by a one-time code mailed to the person, besides a password (Cognito Essentials or Plus); needs `email`, since the user pool mails through SES from the desk's address."),
  /** Cognito's feature plan: what the user pool can do, and its price per monthly active user. */
  featurePlan: z
    .enum(['plus', 'essentials'])
    .default('plus')
    .describe(
      "Cognito's feature plan. plus: threat protection blocks sign-ins with compromised credentials and asks for the second factor on risky ones (USD 0.02 per person signing in a month, no free allowance). essentials: the same sign-in without threat protection (USD 0.015, the first 10,000 a month free).",
    ),
  identityProviders: z
    .array(identityProviderSchema)
    .default([])
    .describe("The organisation's own identity providers (Entra ID, Google Workspace, Okta, ...), offered on the sign-in page; people who come through one are let in as they are."),
});

export type SignInConfig = z.output<typeof signInSchema>;
export type IdentityProviderConfig = z.output<typeof identityProviderSchema>;

export const DEFAULT_SIGN_IN: SignInConfig = signInSchema.parse({});
