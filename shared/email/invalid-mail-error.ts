/**
 * A raw message the intake cannot turn into a ticket or comment. The intake quarantines the raw
 * mail with `reason`, which names the header or part at fault (e.g. `From: missing or not an address`).
 */
export class InvalidMailError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid inbound mail: ${reason}`);
    this.name = 'InvalidMailError';
  }
}
