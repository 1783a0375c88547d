import type { AttachmentLimits } from '../config/attachment-limits.ts';

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

/**
 * How much of a mail's file list a ticket or comment keeps. A file's name is cut to `nameChars`;
 * after `maxListed` entries (stored files are always listed, and there are at most 100 of those)
 * the rest is only counted: 300 files with 2,000-character names would otherwise not fit one item.
 */
export const ATTACHMENT_LISTING = { maxListed: 100, nameChars: 255, contentTypeChars: 255 } as const;

/**
 * Which files of a mail are listed: every stored one, and refused ones while the listing has room.
 * Returns, per file in mail order, whether it is listed.
 */
export function listedAttachments(verdicts: readonly AttachmentVerdict[], maxListed: number = ATTACHMENT_LISTING.maxListed): boolean[] {
  const stored = verdicts.filter((verdict) => verdict === undefined).length;
  let refusedRoom = Math.max(0, maxListed - stored);
  return verdicts.map((verdict) => verdict === undefined || refusedRoom-- > 0);
}
