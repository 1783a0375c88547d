import { createHmac } from 'node:crypto';

/** A key for one purpose from the desk's signing secret, so that no two features share a key. */
export function deriveKey(secret: Uint8Array, purpose: string): Uint8Array {
  return createHmac('sha256', secret).update(purpose).digest();
}
