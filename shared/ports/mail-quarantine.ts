/** A mail kept aside with the reason it became no ticket or comment; the raw mail stays where it is. */
export interface QuarantinedMail {
  at: string;
  /** Where the raw mail is, e.g. s3://bucket/inbound/abc. */
  location: string;
  reason: string;
  messageId?: string;
  from?: string;
}

export interface MailQuarantine {
  record(mail: QuarantinedMail): Promise<void>;
  /** The mail quarantined on a day (YYYY-MM-DD, UTC). */
  listDay(day: string): Promise<QuarantinedMail[]>;
}
