/**
 * A problem with the local machine (no Java, a busy port, DynamoDB Local not starting) that the
 * user can fix; `npm start` prints only its message, never a stack trace.
 */
export class LocalRuntimeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalRuntimeError';
  }
}
