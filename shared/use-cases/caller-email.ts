import type { Principal } from '../auth/principal.ts';
import { ValidationError } from '../errors.ts';

/** The caller's own verified email, for a field that says `me` (or means the caller); 400 naming the field otherwise. */
export function callerEmail(principal: Principal, field: string): string {
  if (principal.kind === 'user' && principal.email) return principal.email;
  throw new ValidationError(`${field} needs a signed-in person with a verified email`, [
    { path: field, message: principal.kind === 'client' ? 'a machine client has no own tickets; name the person' : 'your email is not verified' },
  ]);
}
