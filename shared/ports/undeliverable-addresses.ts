/** Why an address gets no more mail: the hard bounce of a notification sent to it. */
export interface UndeliverableMark {
  address: string;
  /** When the bounce came in (ISO-8601). */
  bouncedAt: string;
  /** The enhanced status code of the bounce, e.g. 5.1.1. */
  status?: string;
  /** What the remote server said. */
  diagnostic?: string;
  /** The ticket whose notification bounced. */
  ticketKey: string;
}

/**
 * Addresses whose mail bounced for good. Notifications leave them out until the mark expires or
 * mail from the address shows the mailbox is in use again.
 */
export interface UndeliverableAddresses {
  /** Marks an address until `until`; marking it again replaces the mark. */
  mark(mark: UndeliverableMark, until: Date): Promise<void>;
  /** The marks, still in force at `now`, of those of `addresses` that have one. */
  find(addresses: readonly string[], now: Date): Promise<UndeliverableMark[]>;
  /** Lifts the mark of an address at `now`. */
  clear(address: string, now: Date): Promise<void>;
}
