import type { AttachmentLimits } from '../config/email-schema.ts';

/** Why an attachment was not stored, in words shown on the ticket; undefined when it is stored. */
export type AttachmentVerdict = string | undefined;

/**
 * Which of a mail's attachments are stored, in the order the mail lists them: each file must fit the
 * per-file limit, and together the stored ones must stay within the count and total size. A file
 * over a limit is refused with the limit it broke; later, smaller files may still fit.
 */
export function admitAttachments(sizes: readonly number[], limits: AttachmentLimits): AttachmentVerdict[] {
  let count = 0;
  let total = 0;
  return sizes.map((size) => {
    if (size > limits.maxFileBytes) return `larger than the ${formatBytes(limits.maxFileBytes)} limit per file`;
    if (count >= limits.maxCount) return `over the limit of ${limits.maxCount} attachments per mail`;
    if (total + size > limits.maxTotalBytes) return `over the ${formatBytes(limits.maxTotalBytes)} limit per mail`;
    count += 1;
    total += size;
    return undefined;
  });
}

/** 10485760 -> "10 MB" (binary megabytes, as mail clients count them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
