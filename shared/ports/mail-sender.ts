/** Who the mail is sent from and to at the SMTP level; may differ from the From/To/Cc headers. */
export interface MailEnvelope {
  /** The envelope sender (bounces go here). */
  from: string;
  /** Every recipient, Cc included. */
  to: string[];
}

/** What a sent mail is known by. */
export interface SentMail {
  /**
   * The Message-ID header value recipients see, `<...>`. Their replies refer to it in In-Reply-To
   * and References, so it is the id to store in the thread index.
   */
  messageId: string;
}

/**
 * Sends a composed raw MIME message: SES on AWS, local SES plus the `.local/outbox` copy in
 * `npm start`. The message is sent as is, except for the Message-ID, which the sender may replace
 * (SES does) and reports back.
 */
export interface MailSender {
  send(raw: Buffer, envelope: MailEnvelope): Promise<SentMail>;
}
