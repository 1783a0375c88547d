/**
 * Tries a call again as the SDK's standard retry mode does (3 tries, full jitter on 100 ms
 * doubling), for the calls the desk signs and sends itself instead of through a client.
 */
export async function retrying<T>(call: () => Promise<T>, options: { maxAttempts: number; retried: (error: unknown) => boolean }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.maxAttempts || !options.retried(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * 2 ** (attempt - 1)));
    }
  }
}

/** A call that never reached an answer: it timed out, or fetch lost the connection (a TypeError). */
export const lostOnTheWay = (error: unknown): boolean => error instanceof Error && (error.name === 'TimeoutError' || error instanceof TypeError);
