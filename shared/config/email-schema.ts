import Mustache from 'mustache';
import * as z from 'zod';
import { emailSchema } from './config-primitives.ts';

const MIB = 1024 * 1024;

/**
 * What the intake keeps of a mail's attachments. A mail can carry up to 40 MB (SES's limit), about
 * 30 MB of files once base64 is decoded; what is over a limit is listed on the ticket, not stored.
 */
export const attachmentLimitsSchema = z.strictObject({
  maxFileBytes: z.number().int().min(1).max(40 * MIB).default(10 * MIB),
  maxTotalBytes: z.number().int().min(1).max(40 * MIB).default(25 * MIB),
  maxCount: z.number().int().min(1).max(100).default(20),
});
export type AttachmentLimits = z.output<typeof attachmentLimitsSchema>;

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = attachmentLimitsSchema.parse({});

/**
 * What the web app may upload and attach to one new ticket or reply. Files go straight from the
 * browser to S3; 40 MB per file keeps them within what a mail attachment may be, so they can be
 * mailed on like the rest.
 */
export const uploadLimitsSchema = z.strictObject({
  maxFileBytes: attachmentLimitsSchema.shape.maxFileBytes,
  maxCount: z.number().int().min(1).max(100).default(10),
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
  subject: templateText.optional(),
  text: templateText.optional(),
  html: templateText.optional(),
});
export type NotificationTemplateInput = z.output<typeof notificationTemplateSchema>;

export const NOTIFICATION_KINDS = ['acknowledgement', 'public_reply', 'status_changed', 'resolved', 'assigned', 'sla', 'approval_request', 'invitation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Per notification kind, the parts that replace the built-in templates; parts left out keep theirs. */
export const notificationTemplatesSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, notificationTemplateSchema.optional()])) as Record<
    NotificationKind,
    z.ZodOptional<typeof notificationTemplateSchema>
  >,
);

/** The desk's mailbox: where requesters write, and the base of signed reply addresses. */
export const emailConfigSchema = z.strictObject({
  address: emailSchema,
  name: z.string().min(1).max(100).optional(),
  /** An existing, active SES receipt rule set to add the desk's rule to; by default the stack makes its own. */
  receiptRuleSet: z.string().regex(/^[a-zA-Z0-9_.-]{1,64}$/, 'use the name of an SES receipt rule set').optional(),
  /** Days raw inbound mail is kept. */
  retainRawMailDays: z.number().int().min(1).max(3650).default(365),
  /** Automatic replies (acknowledgements) one sender gets per hour at most: a mail loop or a flood stops here. */
  maxAutomaticRepliesPerHour: z.number().int().min(1).max(1000).default(5),
  attachments: attachmentLimitsSchema.default(DEFAULT_ATTACHMENT_LIMITS),
  templates: notificationTemplatesSchema.default({}),
});
export type EmailConfig = z.output<typeof emailConfigSchema>;
