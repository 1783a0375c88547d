import type { Principal } from '../auth/principal.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { formatBytes } from '../email/attachment-admission.ts';
import { ValidationError } from '../errors.ts';
import type { CreateUploadBody } from '../http/api-schemas.ts';
import { UPLOAD_FORM_SECONDS, uploadObjectKey, type UploadForms } from '../ports/upload-store.ts';
import { uploaderOf } from './uploader.ts';

export interface CreateUploadDeps {
  config: ServiceDeskConfig;
  uploads: UploadForms;
  now: () => Date;
  newId: () => string;
}

export interface CreateUploadResult {
  /** Names the upload in `attachments` of a new ticket or comment. */
  uploadId: string;
  /** Where the browser posts the form (multipart/form-data): the fields first, then the file as `file`. */
  url: string;
  fields: Record<string, string>;
  /** The largest file the form takes. */
  maxBytes: number;
  expiresAt: string;
}

/**
 * Signs a form with which the caller's browser sends one file straight to S3, under a key of the
 * caller's own: S3 takes it only with the declared Content-Type and within the size limit, until
 * the form expires. Attaching it to a ticket or reply is a second step.
 */
export async function createUpload(deps: CreateUploadDeps, principal: Principal, body: CreateUploadBody): Promise<CreateUploadResult> {
  const owner = uploaderOf(principal);
  const maxBytes = deps.config.uploads.maxFileBytes;
  if (body.size > maxBytes) {
    throw new ValidationError(`The file is larger than the ${formatBytes(maxBytes)} limit`, [{ path: 'size', message: `must be at most ${maxBytes} bytes (${formatBytes(maxBytes)})` }]);
  }
  const uploadId = deps.newId();
  const now = deps.now();
  const form = await deps.uploads.uploadForm({
    key: uploadObjectKey(owner, uploadId),
    contentType: body.contentType,
    fileName: body.fileName,
    maxBytes,
    expiresInSeconds: UPLOAD_FORM_SECONDS,
  });
  // The policy's expiration is whole seconds; so is this.
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + UPLOAD_FORM_SECONDS * 1000).toISOString();
  return { uploadId, url: form.url, fields: form.fields, maxBytes, expiresAt };
}
