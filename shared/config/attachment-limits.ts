/**
 * The attachment limits' defaults as plain data, so the mail intake has them without the
 * configuration schema (and the zod build it is written in); email-schema.ts defaults to them.
 */
const MIB = 1024 * 1024;

/** What the intake keeps of one mail's attachments. */
export interface AttachmentLimits {
  /** Largest file kept, in bytes. */
  maxFileBytes: number;
  /** Most bytes kept of one mail's files together. */
  maxTotalBytes: number;
  /** Most files kept of one mail. */
  maxCount: number;
}

export const MAX_ATTACHMENT_BYTES = 40 * MIB;

export const DEFAULT_ATTACHMENT_LIMITS: Readonly<AttachmentLimits> = Object.freeze({ maxFileBytes: 10 * MIB, maxTotalBytes: 25 * MIB, maxCount: 20 });
