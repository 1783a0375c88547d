import type { AttachmentStore } from '#shared/ports/attachment-store';
import type { LocalRawMailStore } from './local-raw-mail-store.ts';

/**
 * Attachments in `npm start`: files under `.local/mail/attachments/`, written by the same store that
 * stands for the mail bucket (one bucket, as on AWS), with the same key checks.
 */
export class LocalAttachmentStore implements AttachmentStore {
  constructor(private readonly bucket: LocalRawMailStore) {}

  async put(key: string, content: Buffer): Promise<void> {
    await this.bucket.put(key, content);
  }
}
