import type { DownloadResult } from '../../components/attachment-list';
import type { ApiFailure } from '../../lib/api/api-outcome';

/** What the view's forms get back from its action: each names its intent, so each form reads its own. */
export type RequestViewResult =
  | { intent: 'reply' | 'confirm' | 'reopen'; ok: true }
  | { intent: 'reply' | 'confirm' | 'reopen'; ok: false; failure: ApiFailure }
  | { intent: 'upload'; ok: true; uploadId: string }
  | { intent: 'upload'; ok: false; reason: 'too_large' | 'failed' }
  | DownloadResult;
