/**
 * A mail kept aside with the reason it became no ticket or comment; the raw mail stays where it is.
 * `ignored` mail was readable but deliberately not applied (automatic mail on no ticket, a
 * duplicate): listed with the quarantine so an admin can find it.
 */
export interface QuarantinedMail {
  at: string;
  /** Absent for quarantined mail. */
  outcome?: 'ignored';
  /** Where the raw mail is, e.g. s3://bucket/inbound/abc. */
  location: string;
  reason: string;
  /** What the reason means for this mail, e.g. which block or limit held it. */
  detail?: string;
  messageId?: string;
  from?: string;
}

export interface MailQuarantine {
  record(mail: QuarantinedMail): Promise<void>;
  /** The mail quarantined on a day (YYYY-MM-DD, UTC). */
  listDay(day: string): Promise<QuarantinedMail[]>;
}
