import { createHash } from 'node:crypto';

/** Where attachments live in the mail bucket, beside the raw mail under `inbound/`. */
export const ATTACHMENT_PREFIX = 'attachments/';

/**
 * Keeps the files of inbound mail: S3 on AWS, a local directory in `npm start`. A put under an
 * existing key replaces it, so storing a redelivered mail's files again changes nothing.
 */
export interface AttachmentStore {
  put(key: string, content: Buffer, contentType: string): Promise<void>;
}

/**
 * The object key of a mail's n-th attachment. Built from the mail's own id (not the ticket's), so a
 * redelivery writes the same keys whichever ticket the mail lands on; the file name is reduced to
 * characters that are safe in a key and in a download's name (accents dropped, the rest to '_').
 */
export function attachmentObjectKey(messageKey: string, index: number, filename: string | undefined): string {
  const mail = createHash('sha256').update(messageKey).digest('hex').slice(0, 32);
  const name =
    (filename ?? 'attachment')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(-100) || 'attachment';
  return `${ATTACHMENT_PREFIX}${mail}/${index}/${name}`;
}
