import { ConflictError } from '../errors.ts';
import { StaleVersionError } from '../ports/ticket-store.ts';

const MAX_ATTEMPTS = 4;

/**
 * Runs a read-modify-write until it lands on an unchanged ticket. Used where the caller named no
 * version (no If-Match, or a comment): the change is re-applied to the fresh ticket, never lost.
 */
export async function withVersionRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof StaleVersionError || error instanceof ConflictError;
      if (!retryable || tries >= MAX_ATTEMPTS) {
        if (error instanceof StaleVersionError) throw new ConflictError(`${error.message}; retry the request`);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 10 * tries * Math.random()));
    }
  }
}
