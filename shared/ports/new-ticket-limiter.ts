/** Caps the tickets one sender's mail opens per hour, so a runaway robot cannot flood a desk. */
export interface NewTicketLimiter {
  /**
   * Counts `mail` (a key naming the one mail) as a new ticket of `sender` in the hour of `at`;
   * false when the hour already holds `perHour` other mails. Counting the same mail again answers
   * as the first time, so a redelivery is not counted twice.
   */
  allow(sender: string, mail: string, at: Date, perHour: number): Promise<boolean>;
}
