import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors.ts';
import { uploadOwner } from '../ports/upload-store.ts';

/** The owner segment of the caller's uploads: people upload from the web app; machine clients have no uploads. */
export function uploaderOf(principal: Principal, path = '(body)'): string {
  if (principal.kind !== 'user') {
    throw new ForbiddenError('Only signed-in people upload files', [{ path, message: 'machine clients cannot upload or attach files' }]);
  }
  return uploadOwner(principal.sub);
}
