import { createHash } from 'node:crypto';
import { attachmentObjectKey } from './attachment-store.ts';

/** Where uploads wait in the upload bucket until they are attached; S3 deletes them after a day. */
export const UPLOAD_PREFIX = 'uploads/';

/** How long a browser has to send its file once the API signed the form. */
export const UPLOAD_FORM_SECONDS = 15 * 60;

/** The metadata field that carries an upload's file name (percent-encoded: S3 metadata is ASCII). */
export const FILE_NAME_METADATA = 'file-name';

/** What a browser's form post must be to be accepted: S3 checks each of these against the signed policy. */
export interface UploadFormRequest {
  key: string;
  contentType: string;
  fileName: string;
  maxBytes: number;
  expiresInSeconds: number;
}

/** A signed HTML form post to S3: the URL to post to and the fields to send before the file. */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

/** An uploaded object as S3 holds it. */
export interface StoredUpload {
  size: number;
  contentType: string;
  fileName: string;
  /** The object's ETag: the copy takes exactly the object that was checked. */
  etag: string;
}

/**
 * The forms with which a browser sends a file straight to S3 (an S3 presigned POST). Apart from
 * the store: only `POST /uploads` signs forms, and the signing library stays out of the rest.
 */
export interface UploadForms {
  /** A form post that S3 accepts only for this key, this Content-Type and at most `maxBytes`, until it expires. */
  uploadForm(request: UploadFormRequest): Promise<UploadForm>;
}

/**
 * Files browsers sent, and their move to where ticket attachments live. S3 on AWS; locally the
 * same S3 calls against the stand-in the local API serves.
 */
export interface UploadStore {
  /** The upload under `key`, or undefined when there is none. */
  find(key: string): Promise<StoredUpload | undefined>;
  /** Copies the upload to the attachment location (replacing what is there, so a retry is harmless). */
  copyToAttachments(key: string, upload: StoredUpload, location: string): Promise<void>;
  /** Deletes the upload; deleting a missing one succeeds. */
  remove(key: string): Promise<void>;
}

/**
 * The owner segment of an upload's key: a hash of the caller's token subject, never anything the
 * request says, so one person's upload ids name nothing under another person's prefix.
 */
export function uploadOwner(sub: string): string {
  return createHash('sha256').update(`user:${sub}`).digest('hex').slice(0, 32);
}

/** The key an upload waits under: `uploads/<owner>/<upload id>`. */
export function uploadObjectKey(owner: string, uploadId: string): string {
  return `${UPLOAD_PREFIX}${owner}/${uploadId}`;
}

/** Where an attached upload lives: the same for every retry of the same upload, and apart from mail's files. */
export function uploadAttachmentKey(owner: string, uploadId: string, fileName: string): string {
  return attachmentObjectKey(`upload:${owner}/${uploadId}`, 0, fileName);
}
