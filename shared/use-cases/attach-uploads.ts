import type { Principal } from '../auth/principal.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { Attachment } from '../domain/ticket.ts';
import { ATTACHMENT_LISTING, formatBytes } from '../email/attachment-admission.ts';
import { cutText } from '../email/kept-mail-text.ts';
import { ValidationError, type ErrorDetail } from '../errors.ts';
import { uploadAttachmentKey, uploadObjectKey, type UploadStore } from '../ports/upload-store.ts';
import { uploaderOf } from './uploader.ts';

export interface AttachUploadsDeps {
  config: ServiceDeskConfig;
  /** Absent where files cannot be attached (the intake queue). */
  uploads?: UploadStore;
}

export interface AttachedUploads {
  /** The files as the ticket or comment lists them, in the order the request named them. */
  files: Attachment[];
  /** Deletes the uploads; call once the ticket or comment that lists them is saved. */
  release(): Promise<void>;
}

const NOTHING: AttachedUploads = { files: [], release: async () => undefined };

/**
 * Takes the caller's uploads named in `attachments` into the ticket's files: at most the configured
 * count, each one the caller's own (looked up under the caller's prefix only, so another person's
 * id finds nothing) and within the size limit, then copied to where attachments live. The copy
 * goes to a key fixed by the upload, so a retry copies to the same place; the uploads are deleted
 * by `release` after the save, and a request retried before that still finds them.
 */
export async function attachUploads(deps: AttachUploadsDeps, principal: Principal, uploadIds: readonly string[] | undefined): Promise<AttachedUploads> {
  if (!uploadIds?.length) return NOTHING;
  const { maxCount, maxFileBytes } = deps.config.uploads;
  if (uploadIds.length > maxCount) {
    throw new ValidationError(`At most ${maxCount} files may be attached at once`, [{ path: 'attachments', message: `lists ${uploadIds.length} uploads; at most ${maxCount} are allowed` }]);
  }
  const repeated = uploadIds.flatMap((id, index) => (uploadIds.indexOf(id) < index ? [{ path: `attachments[${index}]`, message: 'names an upload already listed' }] : []));
  if (repeated.length) throw new ValidationError('An upload is listed twice', repeated);
  if (!deps.uploads) throw new ValidationError('Files are attached through the web app', [{ path: 'attachments', message: 'upload files with POST /uploads and attach them through the API' }]);
  const store = deps.uploads;
  const owner = uploaderOf(principal, 'attachments');

  const keys = uploadIds.map((id) => uploadObjectKey(owner, id));
  const found = await Promise.all(keys.map((key) => store.find(key)));
  const problems: ErrorDetail[] = found.flatMap((upload, index): ErrorDetail[] => {
    const path = `attachments[${index}]`;
    if (!upload) return [{ path, message: 'no upload of yours has this id (an upload is kept for a day, and until it is attached once)' }];
    if (upload.size > maxFileBytes) return [{ path, message: `the file is ${upload.size} bytes, over the ${formatBytes(maxFileBytes)} limit` }];
    return [];
  });
  if (problems.length) throw new ValidationError('Some attachments cannot be attached', problems);

  const files = await Promise.all(
    found.map(async (upload, index): Promise<Attachment> => {
      const location = uploadAttachmentKey(owner, uploadIds[index]!, upload!.fileName);
      await store.copyToAttachments(keys[index]!, upload!, location);
      return {
        name: cutText(upload!.fileName, ATTACHMENT_LISTING.nameChars),
        contentType: cutText(upload!.contentType, ATTACHMENT_LISTING.contentTypeChars),
        size: upload!.size,
        location,
      };
    }),
  );
  return {
    files,
    // A failed delete leaves the upload to the bucket's one-day expiry; the files are attached either way.
    release: async () => void (await Promise.allSettled(keys.map((key) => store.remove(key)))),
  };
}
