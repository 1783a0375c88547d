import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalRawMailStore } from './local-raw-mail-store.ts';

export interface LocalBucketFiles {
  /** The endpoint presigned URLs are made for (S3_ENDPOINT); path-style: `<endpoint>/<bucket>/<key>`. */
  url: string;
  close(): Promise<void>;
}

/**
 * The GET side of the local mail bucket, for download links: serves `/<bucket>/<key>` from the
 * local store's directory, as S3 serves a presigned URL. Only an unexpired link of the
 * `attachments/` prefix is served; the signature itself is S3's business and is not checked here.
 */
export async function startLocalBucketFiles(options: { store: LocalRawMailStore; bucket: string; port: number }): Promise<LocalBucketFiles> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const prefix = `/${options.bucket}/`;
      const key = decodeURIComponent(url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '');
      const signedAt = Date.parse((url.searchParams.get('X-Amz-Date') ?? '').replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
      const expiresAt = signedAt + Number(url.searchParams.get('X-Amz-Expires') ?? 0) * 1000;
      if (request.method !== 'GET' || !key.startsWith('attachments/') || !(expiresAt > Date.now())) {
        response.writeHead(403, { 'content-type': 'text/plain' }).end('AccessDenied: not an unexpired download link of an attachment');
        return;
      }
      try {
        const path = options.store.pathOf(key);
        const size = (await stat(path)).size;
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(size),
          'content-disposition': url.searchParams.get('response-content-disposition') ?? 'attachment',
          'x-content-type-options': 'nosniff',
        });
        createReadStream(path).pipe(response);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('NoSuchKey');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
