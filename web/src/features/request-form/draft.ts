import type { FieldValue } from './api/request-form-api';
import type { UploadedFile } from '../../lib/uploads/request-upload';

export type { UploadedFile };

/** What the person typed for one catalog item, kept in session storage until the ticket exists. */
export interface Draft {
  subject: string;
  description: string;
  values: Record<string, FieldValue>;
  attachments: UploadedFile[];
  /** Sent as Idempotency-Key with every try of this draft, so a retry cannot open a second ticket. */
  idempotencyKey: string;
}

const keyOf = (itemId: string) => `request-draft:${itemId}`;

export function readDraft(storage: Storage, itemId: string): Draft | undefined {
  try {
    const raw = storage.getItem(keyOf(itemId));
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.idempotencyKey !== 'string' || typeof draft.values !== 'object' || draft.values === null) return undefined;
    return {
      subject: typeof draft.subject === 'string' ? draft.subject : '',
      description: typeof draft.description === 'string' ? draft.description : '',
      values: draft.values,
      attachments: Array.isArray(draft.attachments) ? draft.attachments : [],
      idempotencyKey: draft.idempotencyKey,
    };
  } catch {
    return undefined;
  }
}

export function saveDraft(storage: Storage, itemId: string, draft: Draft): void {
  try {
    storage.setItem(keyOf(itemId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, only a reload loses the draft.
  }
}

export function clearDraft(storage: Storage, itemId: string): void {
  storage.removeItem(keyOf(itemId));
}

export const newIdempotencyKey = () => crypto.randomUUID();
