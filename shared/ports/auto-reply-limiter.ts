/** Caps automatic replies per recipient, so a mail loop or a flood cannot make the desk send without end. */
export interface AutoReplyLimiter {
  /** Counts one automatic reply to `recipient` at `at`; false when the hour's allowance is used up. */
  allow(recipient: string, at: Date, perHour: number): Promise<boolean>;
}
