import { ENV } from '#shared/environment';
import type { LocalPage } from './http-server.ts';
import { LocalRawMailStore } from './local-raw-mail-store.ts';
import { LocalS3Bucket } from './local-s3-bucket.ts';
import { LOCAL_S3_PATH, localS3Page } from './local-s3-page.ts';
import { LOCAL_MAIL_BUCKET } from './side-effects.ts';

/** The local stand-in for the upload bucket. */
export const LOCAL_UPLOAD_BUCKET = 'servicedesk-local-uploads';

/**
 * File uploads in `npm start`: the upload bucket (files under `uploadsDir`) and the bucket that
 * holds ticket attachments (the local mail bucket's directory, whose attachments/ the download
 * links serve), both behind the local API's S3 stand-in. Serve the page on the API server, then
 * call `useLocalUploads` with its URL before the first upload.
 */
export function localUploadsPage(options: { uploadsDir: string; mailDir: string; webOrigins: readonly string[]; now?: () => Date }): LocalPage {
  return localS3Page({
    buckets: [new LocalS3Bucket(LOCAL_UPLOAD_BUCKET, new LocalRawMailStore({ rootDir: options.uploadsDir })), new LocalS3Bucket(LOCAL_MAIL_BUCKET, new LocalRawMailStore({ rootDir: options.mailDir }))],
    webOrigins: options.webOrigins,
    ...(options.now ? { now: options.now } : {}),
  });
}

/** Points the functions' upload store at the stand-in served by the local API at `apiUrl`. */
export function useLocalUploads(apiUrl: string): void {
  process.env[ENV.uploadBucket] = LOCAL_UPLOAD_BUCKET;
  process.env[ENV.uploadS3Endpoint] = `${apiUrl}${LOCAL_S3_PATH}`;
  process.env[ENV.mailBucket] = LOCAL_MAIL_BUCKET;
}
