import type { BlockTarget } from '../email/blocked-sender.ts';

/** A sender or domain admins blocked: its mail is held with the reason `blocked`, never a ticket, never answered. */
export interface BlockedSender extends BlockTarget {
  blockedAt: string;
  /** The admin who blocked it. */
  blockedBy: string;
  /** Why, in the admin's words. */
  note?: string;
}

export interface MailBlocklist {
  /** Adds the entry unless it is there already; answers the entry in force and whether this call made it. */
  block(entry: BlockedSender): Promise<{ entry: BlockedSender; created: boolean }>;
  /** Lifts a block; lifting one that is not there does nothing. */
  unblock(target: BlockTarget, at: Date): Promise<void>;
  /** Every entry in force. */
  list(): Promise<BlockedSender[]>;
  /** The entries in force among `candidates`, read together in one round trip. */
  find(candidates: readonly BlockTarget[]): Promise<BlockedSender[]>;
}
