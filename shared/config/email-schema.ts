import Mustache from 'mustache';
import * as z from 'zod';
import { DEFAULT_ATTACHMENT_LIMITS, MAX_ATTACHMENT_BYTES, type AttachmentLimits } from './attachment-limits.ts';
import { emailSchema } from './config-primitives.ts';
import { FALLBACK_LANGUAGE } from './languages.ts';
import { languageCodeSchema } from './language-schema.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds.ts';

/**
 * What the intake keeps of a mail's attachments. A mail can carry up to 40 MB (SES's limit), about
 * 30 MB of files once base64 is decoded; what is over a limit is listed on the ticket, not stored.
 */
export const attachmentLimitsSchema = z.strictObject({
  maxFileBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES).default(DEFAULT_ATTACHMENT_LIMITS.maxFileBytes).describe('Largest file kept, in bytes.'),
  maxTotalBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES).default(DEFAULT_ATTACHMENT_LIMITS.maxTotalBytes).describe("Most bytes kept of one mail's files together."),
  maxCount: z.number().int().min(1).max(100).default(DEFAULT_ATTACHMENT_LIMITS.maxCount).describe('Most files kept of one mail.'),
}) satisfies z.ZodType<AttachmentLimits, unknown>;
export type { AttachmentLimits };

/**
 * What the web app may upload and attach to one new ticket or reply. Files go straight from the
 * browser to S3; 40 MB per file keeps them within what a mail attachment may be, so they can be
 * mailed on like the rest.
 */
export const uploadLimitsSchema = z.strictObject({
  maxFileBytes: attachmentLimitsSchema.shape.maxFileBytes.describe('Largest file, in bytes, that may be uploaded.'),
  maxCount: z.number().int().min(1).max(100).default(10).describe('Most files attached to one new ticket or reply.'),
});
export type UploadLimits = z.output<typeof uploadLimitsSchema>;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = uploadLimitsSchema.parse({});

/** A Mustache template, checked when the configuration loads so a typo fails the deploy, not a mail. */
const templateText = z
  .string()
  .min(1)
  .max(20_000)
  .superRefine((template, context) => {
    try {
      Mustache.parse(template);
    } catch (error) {
      context.addIssue({ code: 'custom', message: `not a valid Mustache template: ${(error as Error).message}` });
    }
  });

/** One notification's mail: subject (the ticket token is added to it), plain text and HTML parts. */
export const notificationTemplateSchema = z.strictObject({
  subject: templateText.optional().describe('The subject; the ticket token, like [SD-5], is added to it.'),
  text: templateText.optional().describe('The plain-text part; values go in as they are.'),
  html: templateText.optional().describe('The HTML part; values are escaped, except {{{...}}} ones.'),
});
export type NotificationTemplateInput = z.output<typeof notificationTemplateSchema>;

/** When each kind of notification is mailed, for the configuration reference. */
const NOTIFICATION_OCCASIONS: Record<NotificationKind, string> = {
  acknowledgement: 'to the requester when a ticket is opened',
  public_reply: "to the requester with an agent's public reply",
  status_changed: "to the requester when the ticket's status changes",
  resolved: 'to the requester when the ticket is resolved',
  assigned: 'to the agent a ticket is assigned to',
  sla: 'to the recipients of an SLA notify action',
  approval_request: 'to an approver, with their own signed link',
  invitation: 'to a person the desk invites to the portal; it names no ticket and gets no token',
};

/** Per notification kind, the parts that replace the built-in templates; parts left out keep theirs. */
export const notificationTemplatesSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, notificationTemplateSchema.optional().describe(`The mail ${NOTIFICATION_OCCASIONS[kind]}.`)])) as Record<
    NotificationKind,
    z.ZodOptional<typeof notificationTemplateSchema>
  >,
);

/** A language's templates, or (the shape before templates had languages) the English ones themselves. */
const isKindKeyed = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).some((key) => (NOTIFICATION_KINDS as readonly string[]).includes(key));

/**
 * Per language, per notification kind, the parts that replace the built-in templates. Templates
 * keyed by kind alone (no language) are English ones, so configurations written before templates
 * had languages keep working.
 */
export const languageTemplatesSchema = z.preprocess(
  (value) => (isKindKeyed(value) ? { [FALLBACK_LANGUAGE]: value } : value),
  z.record(
    languageCodeSchema.describe('A language code, like en or de; its templates go inside it (templates.de.acknowledgement), and a kind with no language around it means English.'),
    notificationTemplatesSchema.describe("That language's templates, per notification kind."),
    {
      error: (issue) =>
        issue.code === 'invalid_key' ? `"${String(issue.path?.at(-1) ?? '')}" is not a language code; use one like en or de, with that language's templates inside it (templates.de.acknowledgement)` : undefined,
    },
  ),
);
export type LanguageTemplates = z.output<typeof languageTemplatesSchema>;

/** The desk's mailbox: where requesters write, and the base of signed reply addresses. */
export const emailConfigSchema = z.strictObject({
  address: emailSchema.describe(
    'The desk-wide address (a verified SES identity): mail to its whole domain is received, so signed plus-addresses arrive; mail of desks without addresses of their own (desks[].email) and mail about no ticket come from it.',
  ),
  name: z.string().min(1).max(100).optional().describe("The sender name of the desk's mail, like Example Service Desk."),
  otherDomains: z
    .array(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'use a domain in lower case, like people.example.com'))
    .default([])
    .describe("More domains the desk receives mail for (verified in SES, their MX at SES inbound), for desks' addresses not on the domain of address; the receipt rule receives each whole domain."),
  /** An existing, active SES receipt rule set to add the desk's rule to; by default the stack makes its own. */
  receiptRuleSet: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{1,64}$/, 'use the name of an SES receipt rule set')
    .optional()
    .describe("An existing, active SES receipt rule set to add the desk's rule to; by default the stack creates service-desk-<stage>, which you activate once."),
  /** Days raw inbound mail is kept. */
  retainRawMailDays: z.number().int().min(1).max(3650).default(365).describe('Days raw inbound mail is kept; attachments are kept as long as tickets.'),
  /** Automatic replies (acknowledgements) one sender gets per hour at most: a mail loop or a flood stops here. */
  maxAutomaticRepliesPerHour: z.number().int().min(1).max(1000).default(5).describe('Automatic replies (acknowledgements) one sender gets per hour at most: a mail loop or a flood stops here.'),
  maxNewTicketsPerSenderPerHour: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(20)
    .describe('New tickets one sender opens by mail per hour at most: further new mails of that hour are held in the quarantine (reason flood) for an admin to release; replies on tickets are not counted.'),
  attachments: attachmentLimitsSchema
    .default(DEFAULT_ATTACHMENT_LIMITS)
    .describe("What the intake keeps of a mail's attachments (SES takes mail up to 40 MB); what is over a limit is listed on the ticket, not stored."),
  templates: languageTemplatesSchema
    .default({})
    .describe(
      'Per language (en, de, ...) and notification kind, Mustache templates that replace the built-in ones (shared/email/notification-templates.ts) part by part; a part left out keeps the built-in one. A part given in one language must be given in every language that has templates (a language without built-in ones needs every part). Kinds with no language around them are English (the shape before languages).',
    ),
});
export type EmailConfig = z.output<typeof emailConfigSchema>;
