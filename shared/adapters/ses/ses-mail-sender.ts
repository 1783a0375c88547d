import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { ENV } from '../../environment.ts';
import { injectFaultsFromEnv } from '#fault-injection';
import type { MailEnvelope, MailSender, SentMail } from '../../ports/mail-sender.ts';
import { SILENT_SDK_LOGGER } from '../aws-http/silent-sdk-logger.ts';

/**
 * The domain of the Message-ID SES writes into a sent message: `<MessageId>@<region>.amazonses.com`,
 * except in us-east-1, the original region, where it is `email.amazonses.com`.
 */
export function sesMessageIdDomain(region: string): string {
  return region === 'us-east-1' ? 'email.amazonses.com' : `${region}.amazonses.com`;
}

/** The Message-ID header recipients see for a message SES sent with this MessageId, `<...>`. */
export function sesMessageIdHeader(sesMessageId: string, region: string): string {
  return `<${sesMessageId}@${sesMessageIdDomain(region)}>`;
}

/**
 * Sends raw mail with SES v1 SendRawEmail. SES replaces the message's Message-ID with one built
 * from the MessageId it returns; that is the id recipients reply to, so it is the one reported.
 */
export class SesMailSender implements MailSender {
  private region: Promise<string> | undefined;

  constructor(private readonly client: SESClient) {}

  async send(raw: Buffer, envelope: MailEnvelope): Promise<SentMail> {
    const output = await this.client.send(
      new SendRawEmailCommand({
        RawMessage: { Data: raw },
        // Without Source, SES takes the envelope sender from the From header.
        ...(envelope.from ? { Source: envelope.from } : {}),
        Destinations: envelope.to,
      }),
    );
    if (!output.MessageId) throw new Error('SES SendRawEmail returned no MessageId');
    return { messageId: sesMessageIdHeader(output.MessageId, await this.clientRegion()) };
  }

  /** The client's region, resolved once; a failed resolution is retried on the next send. */
  private clientRegion(): Promise<string> {
    this.region ??= this.client.config.region().catch((error: unknown) => {
      this.region = undefined;
      throw error;
    });
    return this.region;
  }
}

let fromEnv: SesMailSender | undefined;

/**
 * The function's mail sender: one SES client per cold start, pointed at `SES_ENDPOINT` when it is
 * set (the local runtime's SES), at the region's SES otherwise.
 */
export function sesMailSenderFromEnv(): SesMailSender {
  const endpoint = process.env[ENV.sesEndpoint];
  fromEnv ??= new SesMailSender(injectFaultsFromEnv(new SESClient({ ...(endpoint ? { endpoint } : {}), logger: SILENT_SDK_LOGGER }), 'ses'));
  return fromEnv;
}
