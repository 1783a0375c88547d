import type { UndeliverableMark } from '../email/mail-recipients.ts';

export type { UndeliverableMark };

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
