import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SESClient } from '@aws-sdk/client-ses';
import { injectFaultsFromEnv } from '#shared/adapters/fault-injection';
import { SesMailSender } from '#shared/adapters/ses/ses-mail-sender';
import { withMessageId } from '#shared/email/outbound-message';
import type { MailEnvelope, MailSender, SentMail } from '#shared/ports/mail-sender';

export interface OutboxMailSenderOptions {
  /** The local SES's URL, such as `http://127.0.0.1:8005`. */
  sesEndpoint: string;
  /** Where each sent message is kept; `LOCAL_PATHS.outbox` in `npm start`. */
  outboxDir: string;
}

/**
 * The local runtime's mail sender. It sends through the same SES adapter as AWS, to the local
 * SES, and also writes each message to `<outboxDir>/<timestamp>-<MessageId>.eml`: the local SES
 * viewer rebuilds messages from parsed fields and loses In-Reply-To and References, the headers
 * threading depends on. The file carries the Message-ID SES sets (its region is us-east-1, so
 * `<MessageId@email.amazonses.com>`), the same id that is returned and stored in the thread index.
 */
export class OutboxMailSender implements MailSender {
  private readonly ses: SesMailSender;
  private readonly outboxDir: string;

  constructor(options: OutboxMailSenderOptions) {
    this.ses = new SesMailSender(
      injectFaultsFromEnv(
        new SESClient({
          endpoint: options.sesEndpoint,
          region: 'us-east-1',
          // The local SES only checks that requests are signed, not by whom.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
        'ses',
      ),
    );
    this.outboxDir = options.outboxDir;
  }

  async send(raw: Buffer, envelope: MailEnvelope): Promise<SentMail> {
    const sent = await this.ses.send(raw, envelope);
    const sesMessageId = sent.messageId.slice(1, sent.messageId.indexOf('@'));
    await mkdir(this.outboxDir, { recursive: true });
    // Sortable by time, and no colons, which some file systems refuse.
    const timestamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.outboxDir, `${timestamp}-${sesMessageId.replace(/[^\w.-]/g, '_')}.eml`);
    // Written under a temporary name and renamed, so a reader never sees half a message.
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, withMessageId(raw, sent.messageId));
    await rename(partial, file);
    return sent;
  }
}
